import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AnyStaff, CurrentStaff, Roles, type StaffPrincipal } from '@app/auth';
import { DomainError } from '@app/common';
import { NotificationsService } from '@app/notifications';
import { TicketsService, toTicketView, type TicketView } from '@app/tickets';
import {
  type BusinessCalendar,
  BusinessCalendarsService,
  ReferralService,
  type RoutingRule,
  RoutingRulesService,
  SlaPoliciesService,
  type SlaPolicy,
} from '@app/workflow';
import { actorOf } from '../common/request-actor.js';
import {
  BulkTicketsDto,
  CalendarDto,
  ListNotificationsQuery,
  MarkReadDto,
  ReferDto,
  RoutingRuleDto,
  RoutingRuleOrderDto,
  SlaPolicyDto,
  UpdateRoutingRuleDto,
  UpdateSlaPolicyDto,
} from './workflow.dto.js';
import { TicketListResponse, TicketResponse } from '../tickets/ticket.views.js';
import { BusinessCalendarResponse, MarkedReadResponse, NotificationPageResponse, RoutingRuleResponse, SlaPolicyResponse } from './workflow.views.js';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('api/v1')
export class WorkflowAdminController {
  constructor(
    private readonly rules: RoutingRulesService,
    private readonly policies: SlaPoliciesService,
    private readonly calendars: BusinessCalendarsService,
  ) {}

  @Get('routing-rules')
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'Routing rules in order (first match wins)' })
  @ApiOkResponse({ type: [RoutingRuleResponse] })
  listRules(): Promise<RoutingRule[]> {
    return this.rules.list();
  }

  @Post('routing-rules')
  @Roles('admin')
  @ApiCreatedResponse({ type: RoutingRuleResponse })
  createRule(@Body() dto: RoutingRuleDto, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<RoutingRule> {
    return this.rules.create(dto, actorOf(staff, req));
  }

  @Put('routing-rules/order')
  @Roles('admin')
  @ApiOperation({ summary: 'Reorder every routing rule at once (one transaction); the list must name each existing rule exactly once' })
  @ApiOkResponse({ type: [RoutingRuleResponse] })
  reorderRules(@Body() dto: RoutingRuleOrderDto, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<RoutingRule[]> {
    return this.rules.reorder(dto.ids, actorOf(staff, req));
  }

  @Patch('routing-rules/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a routing rule (to reorder them all, PUT /routing-rules/order)' })
  @ApiOkResponse({ type: RoutingRuleResponse })
  updateRule(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateRoutingRuleDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<RoutingRule> {
    return this.rules.update(id, dto, actorOf(staff, req));
  }

  @Delete('routing-rules/:id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'deleted' })
  async deleteRule(@Param('id', new ParseUUIDPipe()) id: string, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<void> {
    await this.rules.remove(id, actorOf(staff, req));
  }

  @Get('sla-policies')
  @AnyStaff()
  @ApiOkResponse({ type: [SlaPolicyResponse] })
  listPolicies(): Promise<SlaPolicy[]> {
    return this.policies.list();
  }

  @Post('sla-policies')
  @Roles('admin')
  @ApiOperation({ summary: 'First-response and resolution targets in working minutes, by priority and/or type' })
  @ApiCreatedResponse({ type: SlaPolicyResponse })
  createPolicy(@Body() dto: SlaPolicyDto, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<SlaPolicy> {
    return this.policies.create(dto, actorOf(staff, req));
  }

  @Patch('sla-policies/:id')
  @Roles('admin')
  @ApiOkResponse({ type: SlaPolicyResponse })
  updatePolicy(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateSlaPolicyDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<SlaPolicy> {
    return this.policies.update(id, dto, actorOf(staff, req));
  }

  @Get('business-calendars')
  @AnyStaff()
  @ApiOperation({ summary: 'Working days and hours, holidays, dated overrides (Ramadan hours)' })
  @ApiOkResponse({ type: [BusinessCalendarResponse] })
  async listCalendars(): Promise<BusinessCalendar[]> {
    await this.calendars.getDefault();
    return this.calendars.list();
  }

  @Post('business-calendars')
  @Roles('admin')
  @ApiCreatedResponse({ type: BusinessCalendarResponse })
  createCalendar(@Body() dto: CalendarDto, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<BusinessCalendar> {
    return this.calendars.save(null, dto, actorOf(staff, req));
  }

  @Put('business-calendars/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Replace a calendar: weekly hours, holidays and overrides as given' })
  @ApiOkResponse({ type: BusinessCalendarResponse })
  saveCalendar(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: CalendarDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<BusinessCalendar> {
    return this.calendars.save(id, dto, actorOf(staff, req));
  }
}

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/v1/tickets')
export class TicketWorkflowController {
  constructor(
    private readonly referrals: ReferralService,
    private readonly tickets: TicketsService,
  ) {}

  @Post(':id/refer')
  @Roles('officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Refer to the competent officer of the ticket’s category, with the reason' })
  @ApiCreatedResponse({ type: TicketResponse })
  async refer(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ReferDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<TicketResponse> {
    return toTicketView(await this.referrals.refer(id, dto.reason, staff, actorOf(staff, req)));
  }

  @Post('bulk')
  @Roles('supervisor', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reassign and/or change the priority of many tickets (supervisors)' })
  @ApiOkResponse({ type: TicketListResponse })
  async bulk(@Body() dto: BulkTicketsDto, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<TicketListResponse> {
    if (dto.assigneeId === undefined && dto.priority === undefined) throw new DomainError('invalid_input', 'give assigneeId and/or priority');
    const items: TicketView[] = [];
    for (const id of [...new Set(dto.ticketIds)]) {
      let ticket = await this.tickets.get(id, staff);
      if (dto.assigneeId !== undefined) ticket = await this.tickets.assign(id, dto.assigneeId, staff, actorOf(staff, req));
      if (dto.priority) ticket = await this.tickets.update(id, { priority: dto.priority }, staff, actorOf(staff, req));
      items.push(toTicketView(ticket));
    }
    return { items };
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @AnyStaff()
  @ApiOperation({ summary: 'My notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationPageResponse })
  list(@Query() q: ListNotificationsQuery, @CurrentStaff() staff: StaffPrincipal): Promise<NotificationPageResponse> {
    return this.notifications.list(staff.id, { unreadOnly: q.unreadOnly === 'true', limit: q.limit ?? 30, cursor: q.cursor });
  }

  @Post('read')
  @AnyStaff()
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark some (ids) or all of my notifications read' })
  @ApiOkResponse({ type: MarkedReadResponse })
  async read(@Body() dto: MarkReadDto, @CurrentStaff() staff: StaffPrincipal): Promise<MarkedReadResponse> {
    return { marked: await this.notifications.markRead(staff.id, dto.ids ?? 'all') };
  }
}
