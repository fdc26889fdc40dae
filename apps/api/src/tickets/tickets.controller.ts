import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiFileDownload } from '../common/api-file-download.js';
import { actorOf } from '../common/request-actor.js';
import { AuditService } from '@app/audit';
import { AnyStaff, CurrentStaff, Roles, type StaffPrincipal } from '@app/auth';
import { DomainError } from '@app/common';
import {
  allowedNextStatuses,
  AttachmentStore,
  MAX_ATTACHMENT_BYTES,
  TicketIntakeService,
  TicketsService,
  toAttachmentView,
  toMessageView,
  toTicketView,
} from '@app/tickets';
import {
  AddMessageDto,
  AssignDto,
  ChangeStatusDto,
  CreateTicketDto,
  EscalateDto,
  ListTicketsQuery,
  ResolveDto,
  UpdateTicketDto,
} from './ticket.dto.js';
import { toContactView } from '../contacts/contact-view.js';
import { AuditHistoryResponse } from '../audit/audit.views.js';
import { AttachmentResponse, MessageResponse, TicketDetailResponse, TicketPageResponse, TicketResponse } from './ticket.views.js';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/v1/tickets')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly intake: TicketIntakeService,
    private readonly store: AttachmentStore,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @AnyStaff()
  @ApiOperation({ summary: 'The shared queue, with filters, Arabic-aware search and cursor pagination' })
  @ApiOkResponse({ type: TicketPageResponse })
  async list(@Query() q: ListTicketsQuery, @CurrentStaff() staff: StaffPrincipal): Promise<TicketPageResponse> {
    const { limit, ...filters } = q;
    const page = await this.tickets.list({ ...filters, limit: limit ?? 25 }, staff);
    return { items: page.items.map(toTicketView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @AnyStaff()
  @ApiOperation({ summary: 'One ticket with its contact and every message' })
  @ApiOkResponse({ type: TicketDetailResponse })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentStaff() staff: StaffPrincipal): Promise<TicketDetailResponse> {
    const ticket = await this.tickets.get(id, staff);
    const [messages, contact] = await Promise.all([this.tickets.messagesOf(id), this.tickets.contactOf(ticket)]);
    return {
      ...toTicketView(ticket),
      contactDetail: toContactView(contact),
      messages: messages.map(toMessageView),
      allowedStatuses: allowedNextStatuses(ticket.status),
    };
  }

  @Get(':id/history')
  @AnyStaff()
  @ApiOperation({ summary: 'Every change to the ticket (routing, assignment, status, escalation), oldest first' })
  @ApiOkResponse({ type: AuditHistoryResponse })
  async history(@Param('id', new ParseUUIDPipe()) id: string, @CurrentStaff() staff: StaffPrincipal): Promise<AuditHistoryResponse> {
    await this.tickets.get(id, staff);
    const page = await this.audit.list({ entityType: 'ticket', entityId: id, limit: 200 });
    return { items: page.items.reverse() };
  }

  @Post()
  @Roles('officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Open a ticket for a phone call, letter or walk-in visit' })
  @ApiCreatedResponse({ type: TicketResponse })
  async create(@Body() dto: CreateTicketDto, @CurrentStaff() staff: StaffPrincipal, @Req() req: Request): Promise<TicketResponse> {
    const ticket = await this.intake.openForOfficer(
      {
        channel: dto.channel,
        contactId: dto.contactId,
        contact: dto.contact,
        subject: dto.subject,
        type: dto.type ?? 'inquiry',
        priority: dto.priority,
        categoryId: dto.categoryId,
        teamId: dto.teamId,
        tags: dto.tags,
        firstMessage: { direction: 'inbound', body: dto.body, authorUserId: staff.id },
      },
      actorOf(staff, req),
    );
    return toTicketView(ticket);
  }

  @Patch(':id')
  @Roles('officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Change subject, type, priority, category, team or tags' })
  @ApiOkResponse({ type: TicketResponse })
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateTicketDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<TicketResponse> {
    return toTicketView(await this.tickets.update(id, dto, staff, actorOf(staff, req)));
  }

  @Post(':id/messages')
  @Roles('officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Reply on the ticket’s channel, or add an internal note (never sent)' })
  @ApiCreatedResponse({ type: MessageResponse })
  async addMessage(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: AddMessageDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<MessageResponse> {
    // The stored message comes back with its attachments: no need to read it again.
    return toMessageView(await this.tickets.addStaffMessage(id, dto, staff, actorOf(staff, req)));
  }

  @Post(':id/attachments')
  @Roles('officer', 'supervisor', 'admin')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiOperation({ summary: 'Upload a file to send with the next reply (pass its id in attachmentIds)' })
  @ApiCreatedResponse({ type: AttachmentResponse })
  async upload(
    @Param('id', new ParseUUIDPipe()) id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<AttachmentResponse> {
    if (!file) throw new DomainError('invalid_input', 'file is required (multipart field "file")');
    // Multer decodes the filename as latin1; browsers send UTF-8 (Arabic names).
    const filename = Buffer.from(file.originalname, 'latin1').toString('utf8');
    const stored = await this.store.save(file.buffer, filename, file.mimetype);
    return toAttachmentView(await this.tickets.addUpload(id, stored, staff, actorOf(staff, req)));
  }

  @Post(':id/assign')
  @Roles('officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Claim, release or (supervisors) reassign' })
  @ApiCreatedResponse({ type: TicketResponse })
  async assign(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: AssignDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<TicketResponse> {
    return toTicketView(await this.tickets.assign(id, dto.assigneeId ?? null, staff, actorOf(staff, req)));
  }

  @Post(':id/escalate')
  @Roles('officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Escalate one level with a reason' })
  @ApiCreatedResponse({ type: TicketResponse })
  async escalate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: EscalateDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<TicketResponse> {
    return toTicketView(await this.tickets.escalate(id, dto.reason, staff, actorOf(staff, req)));
  }

  @Post(':id/status')
  @Roles('officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Change the status (illegal moves answer 409 with the reason)' })
  @ApiCreatedResponse({ type: TicketResponse })
  async status(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ChangeStatusDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<TicketResponse> {
    return toTicketView(await this.tickets.changeStatus(id, dto.status, 'manual', staff, actorOf(staff, req), dto.reason));
  }

  @Post(':id/resolve')
  @Roles('officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Resolve; the satisfaction survey is scheduled' })
  @ApiCreatedResponse({ type: TicketResponse })
  async resolve(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ResolveDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<TicketResponse> {
    if (dto.note) await this.tickets.addStaffMessage(id, { kind: 'note', body: dto.note }, staff, actorOf(staff, req));
    return toTicketView(await this.tickets.changeStatus(id, 'resolved', 'resolve', staff, actorOf(staff, req)));
  }
}

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/v1/attachments')
export class AttachmentsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly store: AttachmentStore,
  ) {}

  @Get(':id')
  @AnyStaff()
  @ApiOperation({ summary: 'Download an attachment (staff only, always as a download)' })
  @ApiFileDownload()
  async download(@Param('id', new ParseUUIDPipe()) id: string, @CurrentStaff() staff: StaffPrincipal, @Res() res: Response): Promise<void> {
    const attachment = await this.tickets.getAttachment(id, staff);
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Length', String(attachment.size));
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    const stream = this.store.open(attachment.sha256);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }
}
