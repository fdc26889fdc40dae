import { Controller, Get, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AnyStaff, CurrentStaff, Roles, type StaffPrincipal } from '@app/auth';
import { HandoffService, HelpRequestStateService } from '@app/help-requests';
import { actorOf } from '../common/request-actor.js';
import { HelpRequestResponse } from './help-request.views.js';
import { HelpRequestViews } from './help-request-views.service.js';

/** Help-request routes under a ticket (Nest merges them with the tickets controller's). */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/v1/tickets')
export class HelpRequestTicketsController {
  constructor(
    private readonly state: HelpRequestStateService,
    private readonly handoffs: HandoffService,
    private readonly views: HelpRequestViews,
  ) {}

  @Get(':id/help-request')
  @AnyStaff()
  @ApiOperation({ summary: "The ticket's help request with its checklist" })
  @ApiOkResponse({ type: HelpRequestResponse })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentStaff() staff: StaffPrincipal): Promise<HelpRequestResponse> {
    return this.views.of(await this.state.compute(await this.state.findByTicket(id, staff)));
  }

  @Post(':id/handoff')
  @Roles('officer', 'supervisor', 'admin')
  @ApiOperation({
    summary: 'Help request → research committee',
    description:
      'Refused with 422 and `missing` (what is missing, invalid, unverified or unsigned) until the intake is complete, verified and signed.',
  })
  @ApiCreatedResponse({ type: HelpRequestResponse })
  async handoff(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<HelpRequestResponse> {
    return this.views.of(await this.handoffs.handoff(id, staff, actorOf(staff, req)));
  }
}
