import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuditService } from '@app/audit';
import { AnyStaff, CurrentStaff, Roles, type StaffPrincipal } from '@app/auth';
import { AppConfig, DomainError } from '@app/common';
import {
  type CodeSent,
  CommitteeService,
  DeclarationService,
  HelpRequestIntakeService,
  HelpRequestStateService,
  parseHijriDate,
  ServiceTypesService,
  TurnaroundService,
  type TurnaroundReport,
} from '@app/help-requests';
import { AttachmentStore, MAX_ATTACHMENT_BYTES, type StoredFile } from '@app/tickets';
import { actorOf } from '../common/request-actor.js';
import {
  AddDocumentDto,
  ConfirmCodeDto,
  CreateHelpRequestDto,
  CreateServiceTypeDto,
  DecisionDto,
  PaperDeclarationDto,
  ResearchDto,
  StageDto,
  TurnaroundQuery,
  UpdateHelpRequestDto,
  UpdateServiceTypeDto,
  VerifyDocumentDto,
} from './help-request.dto.js';
import { AuditHistoryResponse } from '../audit/audit.views.js';
import { serviceTypeView } from './help-request-view.js';
import {
  CodeSentResponse,
  HelpRequestResponse,
  ServiceTypeListResponse,
  ServiceTypeResponse,
  TurnaroundReportResponse,
} from './help-request.views.js';
import { HelpRequestViews } from './help-request-views.service.js';

const upload = FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });

@ApiTags('help-requests')
@ApiBearerAuth()
@Controller('api/v1/help-requests')
export class HelpRequestsController {
  constructor(
    private readonly state: HelpRequestStateService,
    private readonly intake: HelpRequestIntakeService,
    private readonly declarations: DeclarationService,
    private readonly committee: CommitteeService,
    private readonly catalogue: ServiceTypesService,
    private readonly turnaround: TurnaroundService,
    private readonly views: HelpRequestViews,
    private readonly store: AttachmentStore,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  // ---- the service catalogue (static paths before ':id') ---------------------------------

  @Get('service-types')
  @AnyStaff()
  @ApiOperation({ summary: 'The service catalogue, inactive services included' })
  @ApiOkResponse({ type: ServiceTypeListResponse })
  async serviceTypes(): Promise<ServiceTypeListResponse> {
    return { items: (await this.catalogue.list()).map((t) => serviceTypeView(t, this.config)) };
  }

  @Post('service-types')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a service type (admin)' })
  @ApiCreatedResponse({ type: ServiceTypeResponse })
  async createServiceType(
    @Body() dto: CreateServiceTypeDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<ServiceTypeResponse> {
    return serviceTypeView(await this.catalogue.create(dto, actorOf(staff, req)), this.config);
  }

  @Patch('service-types/:serviceTypeId')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a service type: names, fields, documents, committee target days, active (admin)' })
  @ApiOkResponse({ type: ServiceTypeResponse })
  async updateServiceType(
    @Param('serviceTypeId', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateServiceTypeDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<ServiceTypeResponse> {
    return serviceTypeView(await this.catalogue.update(id, dto, actorOf(staff, req)), this.config);
  }

  @Get('reports/turnaround')
  @Roles('supervisor', 'admin', 'committee')
  @ApiOperation({ summary: 'Committee turnaround by service type: decided count, average and median study days, late and overdue studies' })
  @ApiOkResponse({ type: TurnaroundReportResponse })
  report(@Query() q: TurnaroundQuery): Promise<TurnaroundReport> {
    if (q.from && q.to && q.from > q.to) throw new DomainError('invalid_input', 'from must not be after to', { fields: ['from'] });
    return this.turnaround.report(q);
  }

  // ---- intake ----------------------------------------------------------------------------

  @Post()
  @Roles('officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'An officer takes an application at a visit or on a call: on an existing ticket, or opening one' })
  @ApiCreatedResponse({ type: HelpRequestResponse })
  async create(@Body() dto: CreateHelpRequestDto, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<HelpRequestResponse> {
    return this.views.of(await this.intake.createByStaff(dto, staff, actorOf(staff, req)));
  }

  @Get(':id')
  @AnyStaff()
  @ApiOperation({ summary: 'The application with its checklist (missing, invalid), verification, declaration and committee state' })
  @ApiOkResponse({ type: HelpRequestResponse })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentStaff() staff: StaffPrincipal): Promise<HelpRequestResponse> {
    return this.views.of(await this.state.load(id, staff));
  }

  @Get(':id/history')
  @AnyStaff()
  @ApiOperation({ summary: 'Every change to the application, oldest first' })
  @ApiOkResponse({ type: AuditHistoryResponse })
  async history(@Param('id', new ParseUUIDPipe()) id: string, @CurrentStaff() staff: StaffPrincipal): Promise<AuditHistoryResponse> {
    await this.state.find(id, staff);
    const page = await this.audit.list({ entityType: 'help_request', entityId: id, limit: 500 });
    return { items: page.items.reverse() };
  }

  @Patch(':id')
  @Roles('officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Change the data; verification findings and the declaration made for older data are voided' })
  @ApiOkResponse({ type: HelpRequestResponse })
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateHelpRequestDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<HelpRequestResponse> {
    return this.views.of(await this.intake.update(id, dto, staff, actorOf(staff, req)));
  }

  @Post(':id/documents')
  @Roles('officer', 'supervisor', 'admin')
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        file: { type: 'string', format: 'binary' },
        documentType: { type: 'string', example: 'national_id_copy' },
        expiresOn: { type: 'string', example: '2030-01-31' },
        expiresOnHijri: { type: 'string', example: '1451-08-20' },
        attachmentId: { type: 'string', format: 'uuid' },
      },
      required: ['documentType'],
    },
  })
  @ApiOperation({ summary: 'Add a document: upload a file (multipart) or name a file already on the ticket, with its type and expiry date' })
  @ApiCreatedResponse({ type: HelpRequestResponse })
  async addDocument(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: AddDocumentDto,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<HelpRequestResponse> {
    if (!!file === !!dto.attachmentId)
      throw new DomainError('invalid_input', 'give either a file (multipart field "file") or attachmentId', { fields: ['file'] });
    let expiresOn = dto.expiresOn ?? null;
    if (dto.expiresOnHijri) {
      const gregorian = parseHijriDate(dto.expiresOnHijri);
      if (!gregorian)
        throw new DomainError('invalid_input', `expiresOnHijri ${dto.expiresOnHijri} is not an Umm al-Qura date`, { fields: ['expiresOnHijri'] });
      if (expiresOn && expiresOn !== gregorian)
        throw new DomainError('invalid_input', `expiresOn and expiresOnHijri name different days (${expiresOn}, ${gregorian})`, {
          fields: ['expiresOn'],
        });
      expiresOn = gregorian;
    }
    const stored: StoredFile | undefined = file
      ? await this.store.save(file.buffer, Buffer.from(file.originalname, 'latin1').toString('utf8'), file.mimetype)
      : undefined;
    const s = await this.intake.addDocument(
      id,
      { file: stored, attachmentId: dto.attachmentId },
      { documentType: dto.documentType, expiresOn },
      staff,
      actorOf(staff, req),
    );
    return this.views.of(s);
  }

  @Delete(':id/documents/:documentId')
  @Roles('officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Take a document off the application (the file stays on the ticket)' })
  @ApiOkResponse({ type: HelpRequestResponse })
  async removeDocument(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('documentId', new ParseUUIDPipe()) documentId: string,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<HelpRequestResponse> {
    return this.views.of(await this.intake.removeDocument(id, documentId, staff, actorOf(staff, req)));
  }

  @Post(':id/documents/:documentId/verification')
  @Roles('officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'The officer confirms the document matches the data (or finds it does not), with notes' })
  @ApiCreatedResponse({ type: HelpRequestResponse })
  async verify(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('documentId', new ParseUUIDPipe()) documentId: string,
    @Body() dto: VerifyDocumentDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<HelpRequestResponse> {
    return this.views.of(await this.intake.verifyDocument(id, documentId, dto, staff, actorOf(staff, req)));
  }

  // ---- the declaration -------------------------------------------------------------------

  @Post(':id/declaration/code')
  @Roles('officer', 'supervisor', 'admin')
  @ApiOperation({ summary: "Send the applicant's mobile a one-time code (SMS, 10 minutes, 5 tries) to sign the declaration" })
  @ApiCreatedResponse({ type: CodeSentResponse })
  sendCode(@Param('id', new ParseUUIDPipe()) id: string, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<CodeSent> {
    return this.declarations.sendCode(id, staff, actorOf(staff, req));
  }

  @Post(':id/declaration/code/confirm')
  @Roles('officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Enter the code the applicant read out: the declaration is signed for the current data' })
  @ApiCreatedResponse({ type: HelpRequestResponse })
  async confirmCode(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ConfirmCodeDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<HelpRequestResponse> {
    return this.views.of(await this.declarations.confirmCode(id, dto.code, staff, actorOf(staff, req)));
  }

  @Post(':id/declaration/paper')
  @Roles('officer', 'supervisor', 'admin')
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' }, signedOn: { type: 'string' }, notes: { type: 'string' } },
      required: ['file'],
    },
  })
  @ApiOperation({ summary: 'Record a declaration signed on paper at the office, with the scanned form' })
  @ApiCreatedResponse({ type: HelpRequestResponse })
  async paper(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: PaperDeclarationDto,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<HelpRequestResponse> {
    if (!file) throw new DomainError('invalid_input', 'file is required: the scanned signed form (multipart field "file")', { fields: ['file'] });
    const stored = await this.store.save(file.buffer, Buffer.from(file.originalname, 'latin1').toString('utf8'), file.mimetype);
    return this.views.of(await this.declarations.recordPaper(id, stored, dto, staff, actorOf(staff, req)));
  }

  // ---- the committee ---------------------------------------------------------------------

  @Post(':id/stage')
  @Roles('committee')
  @ApiOperation({ summary: 'Move the case on the committee board (new, under study, field visit, ready for decision)' })
  @ApiCreatedResponse({ type: HelpRequestResponse })
  async stage(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: StageDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<HelpRequestResponse> {
    return this.views.of(await this.committee.moveStage(id, dto.stage, staff, actorOf(staff, req)));
  }

  @Post(':id/research')
  @Roles('committee')
  @ApiOperation({ summary: 'Record social research: study notes, or a field-visit report with its date and findings' })
  @ApiCreatedResponse({ type: HelpRequestResponse })
  async research(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ResearchDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<HelpRequestResponse> {
    await this.committee.addResearch(id, dto, staff, actorOf(staff, req));
    return this.views.of(await this.state.load(id));
  }

  @Post(':id/decisions')
  @Roles('committee')
  @ApiOperation({
    summary:
      'Record the decision: approved (amount, items, duration), rejected (reason), more_info (what is needed); or a correction of an earlier one',
    description:
      'The applicant is told on their channel; approved/rejected resolve the ticket, more_info returns it to the officer and stops the clock.',
  })
  @ApiCreatedResponse({ type: HelpRequestResponse })
  async decide(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: DecisionDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<HelpRequestResponse> {
    await this.committee.decide(id, dto, staff, actorOf(staff, req));
    return this.views.of(await this.state.load(id));
  }
}
