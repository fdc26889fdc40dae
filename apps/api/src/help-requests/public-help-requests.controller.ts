import { Body, Controller, Get, Headers, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@app/auth';
import { AppConfig, clientIp, DomainError } from '@app/common';
import { normalizeIdentityAddress } from '@app/contacts';
import { DeclarationService, HelpRequestIntakeService, ServiceTypesService } from '@app/help-requests';
import { ConfirmCodeDto, PublicHelpRequestDto, TicketNumberReply } from './help-request.dto.js';
import { HelpRequestFormRateLimitGuard } from './help-request-form.guard.js';
import { serviceTypeView } from './help-request-view.js';
import { ApplicantDeclarationResponse, ServiceTypeListResponse } from './help-request.views.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

@ApiTags('public')
@Public()
@Controller('api/v1/public/help-requests')
export class PublicHelpRequestsController {
  constructor(
    private readonly intake: HelpRequestIntakeService,
    private readonly declarations: DeclarationService,
    private readonly catalogue: ServiceTypesService,
    private readonly config: AppConfig,
  ) {}

  @Get('service-types')
  @ApiOperation({ summary: 'The services one may apply for, with the answers and documents each needs' })
  @ApiOkResponse({ type: ServiceTypeListResponse })
  async serviceTypes(): Promise<ServiceTypeListResponse> {
    return { items: (await this.catalogue.list(true)).map((t) => serviceTypeView(t, this.config)) };
  }

  @Post()
  @UseGuards(HelpRequestFormRateLimitGuard)
  @ApiOperation({
    summary:
      'Aid application → a help_request ticket; the acknowledgement (SMS) says the committee answers in no less than 14 days, with the expected date',
    description: 'Rate-limited per client address (429 with Retry-After). A national ID whose check digit fails is a 400 naming nationalId.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '8–128 of A-Z a-z 0-9 . _ : - ; a retry with the same key and form answers the same ticket number',
  })
  @ApiCreatedResponse({ type: TicketNumberReply })
  async submit(@Body() dto: PublicHelpRequestDto, @Req() req: Request, @Headers('idempotency-key') key?: string): Promise<TicketNumberReply> {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
      throw new DomainError('invalid_input', 'Idempotency-Key must be 8–128 characters of A-Z a-z 0-9 . _ : -');
    const result = await this.intake.submitPublic(
      {
        ...dto,
        phone: normalizeIdentityAddress('phone', dto.phone) as string,
        ...(dto.email ? { email: normalizeIdentityAddress('email', dto.email) as string } : {}),
      },
      { id: null, ip: clientIp(req) },
      key,
    );
    return { ticketNumber: result.ticketNumber };
  }

  @Post(':ticketNumber/declaration')
  @ApiOperation({ summary: 'The applicant signs the declaration with the one-time code sent to their mobile' })
  @ApiCreatedResponse({ type: ApplicantDeclarationResponse })
  async confirm(
    @Param('ticketNumber') ticketNumber: string,
    @Body() dto: ConfirmCodeDto,
    @Req() req: Request,
  ): Promise<ApplicantDeclarationResponse> {
    return this.declarations.confirmByApplicant(ticketNumber, dto.code, clientIp(req));
  }
}
