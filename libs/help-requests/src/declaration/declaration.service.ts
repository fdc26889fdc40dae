import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { AuditService } from '@app/audit';
import { type Actor, DomainError, isSaudiMobile } from '@app/common';
import { ChannelRegistry, FormRateLimiter, MessageTemplatesService } from '@app/channels';
import { type StoredFile, TicketsService, type Viewer } from '@app/tickets';
import { HelpRequestEvents } from '../intake/help-request-events.js';
import { type HelpRequestState, HelpRequestStateService } from '../intake/help-request-state.service.js';
import { HelpRequest } from '../intake/help-request.entity.js';
import { NationalIdVault } from '../intake/national-id-vault.js';
import { isIsoDate, riyadhDate } from '../intake/riyadh-date.js';
import { NOTICE_TEMPLATES } from '../notices/applicant-notifier.js';
import { DeclarationCodeOutbox } from './declaration-code-outbox.js';
import { DeclarationCode } from './declaration-code.entity.js';
import { Declaration } from './declaration.entity.js';
import { DECLARATION_STATEMENT } from './declared-data.js';
import { generateOtp, hashOtp, normalizeOtpInput, OTP_MAX_ATTEMPTS, OTP_TTL_MS, otpMatches, otpUsability } from './otp.js';

/** Codes per help request: one a minute, three per quarter hour (each is an SMS to the applicant). */
const SEND_GAP_SECONDS = 60;
const SENDS_PER_WINDOW = 3;
const SEND_WINDOW_SECONDS = 15 * 60;
/** Applicants confirming on the public page: tries per address. */
const PUBLIC_CONFIRMS_PER_WINDOW = 10;

export interface CodeSent {
  codeId: string;
  channel: 'sms';
  sentTo: string;
  expiresAt: string;
  /** True when the SMS channel is sandboxed: recorded, nothing sent. */
  sandbox: boolean;
}

/** "+9665•••••67": enough for the officer to confirm the number with the applicant. */
export function maskPhone(e164: string): string {
  return e164.length > 7 ? `${e164.slice(0, 5)}${'•'.repeat(e164.length - 7)}${e164.slice(-2)}` : '•'.repeat(e164.length);
}

/**
 * The applicant's declaration that the data is correct and that they bear responsibility for it:
 * signed with a one-time code sent to their mobile, or on paper at the office. What is stored is
 * the exact canonical JSON declared, its SHA-256, the time, channel and address.
 */
@Injectable()
export class DeclarationService {
  private readonly logger = new Logger(DeclarationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly state: HelpRequestStateService,
    private readonly registry: ChannelRegistry,
    private readonly templates: MessageTemplatesService,
    private readonly tickets: TicketsService,
    private readonly outbox: DeclarationCodeOutbox,
    private readonly limiter: FormRateLimiter,
    private readonly vault: NationalIdVault,
    private readonly events: HelpRequestEvents,
    private readonly audit: AuditService,
  ) {}

  /** Sends a one-time code by SMS directly (never as a ticket message an officer could read). */
  async sendCode(id: string, viewer: Viewer, actor: Actor): Promise<CodeSent> {
    const s = await this.state.load(id, viewer);
    this.assertCanDeclare(s);
    const phone = s.contact.identities?.find((i) => i.kind === 'phone' && isSaudiMobile(i.address))?.address;
    if (!phone)
      throw new DomainError('unprocessable', 'the applicant has no Saudi mobile number to receive a code; record a paper declaration instead');
    await this.throttleSends(id);

    const code = generateOtp();
    const codeId = randomUUID();
    const row = await this.dataSource.getRepository(DeclarationCode).save(
      this.dataSource.getRepository(DeclarationCode).create({
        id: codeId,
        helpRequestId: id,
        codeHash: hashOtp(this.vault.otpKey, codeId, code),
        channel: 'sms',
        sentToMasked: maskPhone(phone),
        dataHash: s.toDeclareDigest.sha256,
        expiresAt: new Date(Date.now() + OTP_TTL_MS),
        maxAttempts: OTP_MAX_ATTEMPTS,
        requestedById: actor.id,
        requestedIp: actor.ip ?? null,
      }),
    );
    const language = s.contact.preferredLanguage;
    const text = await this.templates.render(NOTICE_TEMPLATES.declarationCode, language, 'sms', {
      code,
      ticketNumber: s.ticket.number,
      statement: DECLARATION_STATEMENT[language],
    });
    let sandbox: boolean;
    try {
      const result = await this.registry.get('sms').send({
        messageId: `declaration-code-${codeId}`,
        ticketId: s.ticket.id,
        ticketNumber: s.ticket.number,
        to: phone,
        text: text.body,
        attachments: [],
      });
      sandbox = result.sandbox;
    } catch (error) {
      await this.dataSource.getRepository(DeclarationCode).delete(codeId);
      this.logger.warn(`declaration code for help request ${id} not sent: ${(error as Error).message}`);
      throw new DomainError('unavailable', 'the code could not be sent by SMS just now; try again, or record a paper declaration');
    }
    await this.dataSource.getRepository(DeclarationCode).update(codeId, { sandbox });
    await this.outbox.keep(codeId, code, sandbox);
    this.logger.log(
      `declaration code for help request ${id} sent by SMS to ${row.sentToMasked}${sandbox ? ' (sandbox: recorded, nothing left the machine)' : ''}`,
    );
    await this.audit.record({
      actorId: actor.id,
      action: 'help_request.declaration_code_sent',
      entityType: 'help_request',
      entityId: id,
      after: { codeId, channel: 'sms', sentTo: row.sentToMasked, sandbox, expiresAt: row.expiresAt.toISOString(), dataHash: row.dataHash },
      ip: actor.ip,
    });
    return { codeId, channel: 'sms', sentTo: row.sentToMasked, expiresAt: row.expiresAt.toISOString(), sandbox };
  }

  /** The applicant reads the code to the officer (visit, call), who enters it. */
  async confirmCode(id: string, rawCode: string, viewer: Viewer, actor: Actor): Promise<HelpRequestState> {
    return this.confirm(await this.state.load(id, viewer), rawCode, { recordedById: actor.id, ip: actor.ip ?? null, actorId: actor.id });
  }

  /** The applicant enters the code themselves (public page / portal), with their ticket number. */
  async confirmByApplicant(ticketNumber: string, rawCode: string, ip: string | null): Promise<{ signed: true; ticketNumber: string }> {
    const decision = await this.limiter.hit(`declaration-confirm:${ip ?? 'unknown'}`, PUBLIC_CONFIRMS_PER_WINDOW, SEND_WINDOW_SECONDS);
    if (!decision.allowed) throw new DomainError('rate_limited', 'too many attempts from this address; try again later');
    const ticket = await this.tickets.findByNumber(ticketNumber);
    const request = ticket ? await this.dataSource.getRepository(HelpRequest).findOneBy({ ticketId: ticket.id }) : null;
    // The same answer for an unknown number and a request without a code: nothing to probe.
    if (!ticket || !request) throw new DomainError('invalid_transition', 'no code is waiting for this request; ask the association to send one');
    await this.confirm(await this.state.load(request.id), rawCode, { recordedById: null, ip, actorId: null });
    return { signed: true, ticketNumber: ticket.number };
  }

  /** A declaration signed on paper at the office: the officer records it with the scanned form. */
  async recordPaper(
    id: string,
    file: StoredFile,
    input: { signedOn?: string; notes?: string },
    viewer: Viewer,
    actor: Actor,
  ): Promise<HelpRequestState> {
    const s = await this.state.load(id, viewer);
    this.assertCanDeclare(s);
    const signedOn = input.signedOn ?? riyadhDate(new Date());
    if (!isIsoDate(signedOn) || signedOn > riyadhDate(new Date()))
      throw new DomainError('invalid_input', 'signedOn must be a date written YYYY-MM-DD, not in the future', { fields: ['signedOn'] });
    const upload = await this.tickets.addUpload(s.ticket.id, file, viewer, actor);
    await this.tickets.addStaffMessage(
      s.ticket.id,
      { kind: 'note', body: `إقرار موقّع ورقياً / Signed paper declaration (${signedOn})`, attachmentIds: [upload.id] },
      viewer,
      actor,
    );
    await this.dataSource.transaction(async (manager) => {
      await this.insertDeclaration(manager, s, {
        method: 'paper',
        channel: 'paper',
        ip: actor.ip ?? null,
        recordedById: actor.id,
        attachmentId: upload.id,
        signedOn,
        notes: input.notes?.trim() || null,
        codeId: null,
        actorId: actor.id,
      });
    });
    await this.events.changed(s.ticket.id, { id, status: s.request.status, change: 'declaration' });
    return this.state.load(id);
  }

  private async confirm(
    s: HelpRequestState,
    rawCode: string,
    who: { recordedById: string | null; ip: string | null; actorId: string | null },
  ): Promise<HelpRequestState> {
    this.assertEditable(s);
    const code = normalizeOtpInput(rawCode);
    if (!code) throw new DomainError('invalid_input', 'code must be the 6 digits sent by SMS', { fields: ['code'] });
    const row = s.latestCode;
    if (!row) throw new DomainError('invalid_transition', 'no code is waiting for this request; ask the association to send one');
    const now = new Date();
    const usable = otpUsability(row, now);
    if (usable === 'used') throw new DomainError('invalid_transition', 'this code was already used; the declaration is signed');
    if (usable !== 'usable')
      throw new DomainError(
        'gone',
        usable === 'expired' ? 'the code expired (codes last 10 minutes); send a new one' : 'too many wrong codes; send a new one',
      );
    // Counted before comparing, atomically: parallel guesses cannot exceed the five tries.
    const counted: { attempts: number; max_attempts: number }[] = (
      await this.dataSource.query(
        `UPDATE declaration_codes SET attempts = attempts + 1 WHERE id = $1 AND consumed_at IS NULL AND attempts < max_attempts AND expires_at > now() RETURNING attempts, max_attempts`,
        [row.id],
      )
    )[0];
    if (!counted.length) throw new DomainError('gone', 'the code can no longer be used; send a new one');
    if (!otpMatches(this.vault.otpKey, row.id, code, row.codeHash)) {
      const left = counted[0].max_attempts - counted[0].attempts;
      await this.audit.record({
        actorId: who.actorId,
        action: 'help_request.declaration_code_failed',
        entityType: 'help_request',
        entityId: s.request.id,
        after: { codeId: row.id, triesLeft: left },
        ip: who.ip,
      });
      throw new DomainError(
        'invalid_input',
        left > 0 ? `code is not correct; ${left} ${left === 1 ? 'try' : 'tries'} left` : 'code is not correct; no tries left, send a new code',
        { fields: ['code'], triesLeft: left },
      );
    }
    if (row.dataHash !== s.toDeclareDigest.sha256) {
      throw new DomainError('conflict', 'the data changed after the code was sent, so the code does not sign it; send a new code');
    }
    await this.dataSource.transaction(async (manager) => {
      const consumed = await manager.getRepository(DeclarationCode).update({ id: row.id, consumedAt: IsNull() }, { consumedAt: now });
      if (!consumed.affected) throw new DomainError('invalid_transition', 'this code was already used');
      await this.insertDeclaration(manager, s, {
        method: 'otp',
        channel: 'sms',
        ip: who.ip,
        recordedById: who.recordedById,
        attachmentId: null,
        signedOn: null,
        notes: null,
        codeId: row.id,
        actorId: who.actorId,
      });
    });
    await this.events.changed(s.ticket.id, { id: s.request.id, status: s.request.status, change: 'declaration' });
    return this.state.load(s.request.id);
  }

  private async insertDeclaration(
    manager: EntityManager,
    s: HelpRequestState,
    d: Pick<Declaration, 'method' | 'channel' | 'ip' | 'recordedById' | 'attachmentId' | 'signedOn' | 'notes' | 'codeId'> & {
      actorId: string | null;
    },
  ): Promise<void> {
    const repo = manager.getRepository(Declaration);
    // A new signature replaces any earlier one still standing.
    await repo.update({ helpRequestId: s.request.id, voidedAt: IsNull() }, { voidedAt: new Date(), voidReason: 'replaced by a new declaration' });
    const { actorId, ...columns } = d;
    const saved = await repo.save(
      repo.create({
        ...columns,
        helpRequestId: s.request.id,
        language: s.toDeclare.statement.language,
        declaredJson: s.toDeclareDigest.json,
        dataHash: s.toDeclareDigest.sha256,
        dataVersion: s.request.dataVersion,
      }),
    );
    await this.audit.record(
      {
        actorId,
        action: 'help_request.declared',
        entityType: 'help_request',
        entityId: s.request.id,
        after: {
          declarationId: saved.id,
          method: saved.method,
          channel: saved.channel,
          dataHash: saved.dataHash,
          dataVersion: saved.dataVersion,
          codeId: saved.codeId,
          attachmentId: saved.attachmentId,
          signedOn: saved.signedOn,
        },
        ip: d.ip,
      },
      manager,
    );
  }

  private async throttleSends(id: string): Promise<void> {
    const gap = await this.limiter.hit(`declaration-code-gap:${id}`, 1, SEND_GAP_SECONDS);
    const window = gap.allowed ? await this.limiter.hit(`declaration-code:${id}`, SENDS_PER_WINDOW, SEND_WINDOW_SECONDS) : gap;
    if (!window.allowed)
      throw new DomainError('rate_limited', `a code was sent recently; wait ${window.retryAfterSeconds} seconds before sending another`, {
        retryAfterSeconds: window.retryAfterSeconds,
      });
  }

  private assertEditable(s: HelpRequestState): void {
    if (s.request.status !== 'intake' && s.request.status !== 'awaiting_info')
      throw new DomainError('invalid_transition', `the help request is ${s.request.status.replace('_', ' ')}; the declaration cannot change now`);
  }

  private assertCanDeclare(s: HelpRequestState): void {
    this.assertEditable(s);
    if (!s.checklist.complete) {
      throw new DomainError('unprocessable', 'the intake is not complete; the applicant declares complete data only', {
        missing: [...s.checklist.missing, ...s.checklist.invalid],
      });
    }
    if (s.declarationState.signed && !s.declarationState.outdated)
      throw new DomainError('conflict', 'the declaration is already signed for this data');
  }
}
