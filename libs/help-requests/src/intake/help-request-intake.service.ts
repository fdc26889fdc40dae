import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '@app/audit';
import { type Actor, AppConfig, DomainError, formatDualDate, maskNationalId } from '@app/common';
import { type Channel, type Contact, ContactsService } from '@app/contacts';
import { withAdvisoryLock } from '@app/database';
import { type StoredFile, TicketIntakeService, TicketsService, type Ticket, type Viewer } from '@app/tickets';
import { BeneficiaryFilesService } from '../beneficiary/beneficiary-files.service.js';
import { fieldValueErrors } from '../catalogue/service-type-spec.js';
import type { ServiceType } from '../catalogue/service-type.entity.js';
import { ServiceTypesService } from '../catalogue/service-types.service.js';
import { committeeDays } from '../committee/committee-clock.js';
import { canonicalJson, sha256Hex } from '../declaration/canonical-json.js';
import { Declaration } from '../declaration/declaration.entity.js';
import { ApplicantNotifier, NOTICE_TEMPLATES } from '../notices/applicant-notifier.js';
import { HelpRequestDocument, type VerificationResult } from './help-request-document.entity.js';
import { HelpRequestEvents } from './help-request-events.js';
import { type HelpRequestState, HelpRequestStateService } from './help-request-state.service.js';
import { HelpRequest, type HelpRequestSource } from './help-request.entity.js';
import type { HouseholdMemberInput, HouseholdMemberRecord } from './household.js';
import { NationalIdVault } from './national-id-vault.js';
import { isIsoDate } from './riyadh-date.js';

/** The public form (CONTRACT fields plus optional ones), already normalised at the edge: phone in E.164. */
export interface PublicSubmission {
  name: string;
  nationalId: string;
  phone: string;
  serviceType: string;
  description: string;
  email?: string;
  language?: 'ar' | 'en';
  household?: HouseholdMemberInput[];
  fields?: Record<string, unknown>;
}

/** An officer's intake at a visit or on a call: on an existing ticket, or opening one. */
export interface StaffIntakeInput {
  ticketId?: string;
  contactId?: string;
  contact?: { name: string; phone?: string; email?: string };
  channel?: Channel;
  serviceType: string;
  nationalId?: string;
  description: string;
  household?: HouseholdMemberInput[];
  fields?: Record<string, unknown>;
}

export interface IntakeChanges {
  name?: string;
  nationalId?: string;
  serviceType?: string;
  description?: string;
  household?: HouseholdMemberInput[];
  /** Merged into the answers; null removes an answer. */
  fields?: Record<string, unknown>;
}

export interface DocumentInput {
  documentType: string;
  expiresOn?: string | null;
}

const EDITABLE: HelpRequest['status'][] = ['intake', 'awaiting_info'];
const UNIQUE_VIOLATION = '23505';

/**
 * Intake of help requests — the public form, an officer at a visit or call (and later the portal)
 * — and every change to the data or documents. After each change: findings made against older
 * data are voided, a declaration for other data is voided, and a complete intake registers the
 * applicant as a beneficiary.
 */
@Injectable()
export class HelpRequestIntakeService {
  private readonly logger = new Logger(HelpRequestIntakeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly catalogue: ServiceTypesService,
    private readonly contacts: ContactsService,
    private readonly tickets: TicketsService,
    private readonly ticketIntake: TicketIntakeService,
    private readonly state: HelpRequestStateService,
    private readonly vault: NationalIdVault,
    private readonly files: BeneficiaryFilesService,
    private readonly notifier: ApplicantNotifier,
    private readonly events: HelpRequestEvents,
    private readonly audit: AuditService,
  ) {}

  // ---- the public form -------------------------------------------------------------------

  /** Opens the help_request ticket and its intake, and acknowledges with the committee notice. Idempotent per key. */
  async submitPublic(input: PublicSubmission, actor: Actor, idempotencyKey?: string): Promise<{ ticketNumber: string; duplicate: boolean }> {
    const serviceType = await this.catalogue.activeByCode(input.serviceType);
    this.checkFields(serviceType, input.fields ?? {});
    const nationalId = this.vault.canonical(input.nationalId, 'nationalId');
    const household = this.householdRecords(input.household ?? []);
    const fingerprint = sha256Hex(
      canonicalJson({
        ...input,
        nationalId: this.vault.lookupHash(nationalId),
        // Neither the random parts of the encryption nor the new members' ids: a retry must match.
        household: household.map((m) => ({ ...m, id: undefined, nationalIdEncrypted: undefined })),
      }),
    );
    const key = idempotencyKey ? sha256Hex(`help-request-form:${idempotencyKey}`) : null;
    const run = async () => {
      if (key) {
        const existing = await this.dataSource.getRepository(HelpRequest).findOne({ where: { submissionKey: key }, relations: { ticket: true } });
        if (existing) {
          if (existing.submissionFingerprint !== fingerprint)
            throw new DomainError('conflict', 'this Idempotency-Key was already used for a different application');
          return { ticketNumber: existing.ticket!.number, duplicate: true };
        }
      }
      const contact = await this.resolveApplicant(input, nationalId, actor);
      // A registered beneficiary who lists no household starts from the one on their file.
      const file = input.household?.length ? null : await this.files.findByContact(contact.id);
      const ticket = await this.tickets.open(
        {
          contactId: contact.id,
          channel: 'help_request',
          type: 'help_request',
          subject: `${serviceType.nameAr} — ${serviceType.nameEn}`,
          firstMessage: {
            direction: 'inbound',
            body: input.description,
            authorContactId: contact.id,
            meta: { form: 'help_request', serviceType: serviceType.code },
          },
        },
        actor,
      );
      const request = await this.insert(
        {
          ticketId: ticket.id,
          contactId: contact.id,
          serviceTypeId: serviceType.id,
          source: 'public_form',
          description: input.description,
          household: file?.household ?? household,
          fields: input.fields ?? {},
          submissionKey: key,
          submissionFingerprint: fingerprint,
          createdById: null,
        },
        ticket,
        actor,
      );
      await this.afterChange(null, request.id, actor);
      await this.acknowledge(ticket.id, serviceType);
      return { ticketNumber: ticket.number, duplicate: false };
    };
    return key ? withAdvisoryLock(this.dataSource, `help-request-form:${key}`, run) : run();
  }

  /**
   * The applicant, found by national ID (beneficiary files are keyed by it), else by phone; a new
   * person becomes a contact. An address already owned by someone else is never moved to them:
   * a form does not prove who owns a phone number.
   */
  private async resolveApplicant(input: PublicSubmission, nationalId: string, actor: Actor): Promise<Contact> {
    const phone = { kind: 'phone' as const, address: input.phone };
    const email = input.email ? { kind: 'email' as const, address: input.email } : null;
    let contact = await this.contacts.findByNationalId(nationalId);
    if (!contact) {
      const byPhone = await this.contacts.findByIdentity(phone);
      if (byPhone && !byPhone.nationalIdHash) {
        // A contact first seen by an SMS is named after its number until someone gives a name.
        const unnamed = byPhone.name === input.phone;
        contact = await this.contacts.update(byPhone.id, { nationalId, ...(unnamed ? { name: input.name } : {}) }, actor);
      } else if (byPhone) {
        // The number belongs to someone with another national ID (a relative's phone, say).
        await this.audit.record({
          actorId: actor.id,
          action: 'help_request.phone_of_another_contact',
          entityType: 'contact',
          entityId: byPhone.id,
          after: { nationalId: maskNationalId(nationalId) },
          ip: actor.ip,
        });
        return this.contacts.create(
          {
            name: input.name,
            nationalId,
            preferredLanguage: input.language,
            identities: email && !(await this.contacts.findByIdentity(email)) ? [email] : [],
          },
          actor,
        );
      } else {
        try {
          return await this.contacts.create(
            {
              name: input.name,
              nationalId,
              preferredLanguage: input.language,
              identities: [phone, ...(email && !(await this.contacts.findByIdentity(email)) ? [email] : [])],
            },
            actor,
          );
        } catch (error) {
          if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
          // Created meanwhile by a concurrent submission: take that one.
          contact = (await this.contacts.findByNationalId(nationalId)) ?? (await this.contacts.findByIdentity(phone));
          if (!contact) throw error;
        }
      }
    }
    for (const identity of [phone, email]) {
      if (identity && !(await this.contacts.findByIdentity(identity))) contact = await this.contacts.addIdentity(contact.id, identity, actor);
    }
    return contact;
  }

  private async acknowledge(ticketId: string, serviceType: ServiceType): Promise<void> {
    const ticket = await this.tickets.get(ticketId);
    const days = committeeDays(serviceType.committeeTargetDays, this.config.COMMITTEE_DECISION_DAYS);
    const expected = new Date(Date.now() + days * 86_400_000);
    // Our own text only (no name, nothing typed into the form): anyone can type someone else's number.
    await this.notifier.notify(
      ticketId,
      NOTICE_TEMPLATES.acknowledgement,
      (language) => ({ ticketNumber: ticket.number, committeeDays: String(days), expectedDate: formatDualDate(expected, language) }),
      ['ticketNumber', 'committeeDays', 'expectedDate'],
    );
  }

  // ---- officers ------------------------------------------------------------------------

  async createByStaff(input: StaffIntakeInput, viewer: Viewer, actor: Actor): Promise<HelpRequestState> {
    const serviceType = await this.catalogue.activeByCode(input.serviceType);
    this.checkFields(serviceType, input.fields ?? {});
    const nationalId = input.nationalId ? this.vault.canonical(input.nationalId, 'nationalId') : null;
    const household = input.household ? this.householdRecords(input.household) : null;
    let ticket: Ticket;
    let opened = false;
    if (input.ticketId) {
      ticket = await this.tickets.get(input.ticketId, viewer);
      if (await this.dataSource.getRepository(HelpRequest).existsBy({ ticketId: ticket.id }))
        throw new DomainError('conflict', `ticket ${ticket.number} already has a help request`);
      if (ticket.status === 'resolved' || ticket.status === 'closed')
        throw new DomainError('invalid_transition', `ticket ${ticket.number} is ${ticket.status}; open a new one for the application`);
      if (ticket.type !== 'help_request') ticket = await this.tickets.update(ticket.id, { type: 'help_request' }, viewer, actor);
    } else {
      if (!input.contactId && !input.contact)
        throw new DomainError('invalid_input', 'ticketId, contactId or contact must be given', { fields: ['ticketId'] });
      ticket = await this.ticketIntake.openForOfficer(
        {
          channel: input.channel ?? 'visit',
          contactId: input.contactId,
          contact: input.contact ? { ...input.contact, ...(nationalId ? { nationalId } : {}) } : undefined,
          subject: `${serviceType.nameAr} — ${serviceType.nameEn}`,
          type: 'help_request',
          firstMessage: { direction: 'inbound', body: input.description, authorUserId: viewer.id },
        },
        actor,
      );
      opened = true;
    }
    const contact = await this.tickets.contactOf(ticket);
    if (nationalId) await this.setNationalId(contact, nationalId, actor);
    // A registered beneficiary's household starts from the file.
    const file = await this.files.findByContact(contact.id);
    const request = await this.insert(
      {
        ticketId: ticket.id,
        contactId: contact.id,
        serviceTypeId: serviceType.id,
        source: 'staff',
        description: input.description,
        household: household ?? file?.household ?? [],
        fields: input.fields ?? {},
        submissionKey: null,
        submissionFingerprint: null,
        createdById: actor.id,
      },
      ticket,
      actor,
    );
    await this.afterChange(null, request.id, actor);
    if (opened) await this.acknowledge(ticket.id, serviceType);
    return this.state.load(request.id);
  }

  async update(id: string, changes: IntakeChanges, viewer: Viewer, actor: Actor): Promise<HelpRequestState> {
    const before = await this.state.load(id, viewer);
    this.assertEditable(before.request);
    const serviceType =
      changes.serviceType && changes.serviceType !== before.serviceType.code
        ? await this.catalogue.activeByCode(changes.serviceType)
        : before.serviceType;
    const fields = { ...before.request.fields };
    for (const [k, v] of Object.entries(changes.fields ?? {})) {
      if (v === null) delete fields[k];
      else fields[k] = v;
    }
    // Answers to fields the new service does not ask are dropped, not kept as unknown data.
    if (serviceType.id !== before.serviceType.id)
      for (const k of Object.keys(fields)) if (!serviceType.fields.some((f) => f.name === k)) delete fields[k];
    this.checkFields(serviceType, fields);
    const household = changes.household ? this.householdRecords(changes.household, before.request.household) : before.request.household;
    const nationalId = changes.nationalId ? this.vault.canonical(changes.nationalId, 'nationalId') : null;

    if (changes.name !== undefined && changes.name.trim() !== before.contact.name)
      await this.contacts.update(before.contact.id, { name: changes.name }, actor);
    if (nationalId) await this.setNationalId(before.contact, nationalId, actor, true);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(HelpRequest).update(id, {
        serviceTypeId: serviceType.id,
        description: changes.description ?? before.request.description,
        household: household as never,
        fields: fields as never,
      });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'help_request.updated',
          entityType: 'help_request',
          entityId: id,
          before: auditView(before.request, before.serviceType.code, before.contact),
          after: {
            ...auditView(
              { ...before.request, description: changes.description ?? before.request.description, household, fields },
              serviceType.code,
              before.contact,
            ),
            ...(changes.name ? { name: changes.name } : {}),
            ...(nationalId ? { nationalId: maskNationalId(nationalId) } : {}),
          },
          ip: actor.ip,
        },
        manager,
      );
    });
    return this.afterChange(before, id, actor);
  }

  /** A document: a new file (kept on the ticket as a note with the attachment) or a file already on the ticket. */
  async addDocument(
    id: string,
    source: { file?: StoredFile; attachmentId?: string },
    input: DocumentInput,
    viewer: Viewer,
    actor: Actor,
  ): Promise<HelpRequestState> {
    const before = await this.state.load(id, viewer);
    this.assertEditable(before.request);
    if (!/^[a-z][a-z0-9_]{1,40}$/.test(input.documentType))
      throw new DomainError('invalid_input', 'documentType must be lower-case letters, digits and _', { fields: ['documentType'] });
    if (input.expiresOn != null && !isIsoDate(input.expiresOn))
      throw new DomainError('invalid_input', 'expiresOn must be a date written YYYY-MM-DD', { fields: ['expiresOn'] });
    const spec = before.serviceType.documents.find((d) => d.type === input.documentType);
    let attachmentId: string;
    if (source.file) {
      const upload = await this.tickets.addUpload(before.ticket.id, source.file, viewer, actor);
      const label = spec ? `${spec.labelAr} — ${spec.labelEn}` : input.documentType;
      await this.tickets.addStaffMessage(
        before.ticket.id,
        {
          kind: 'note',
          body: `مستند الطلب / Application document: ${label}${input.expiresOn ? ` (${input.expiresOn})` : ''}`,
          attachmentIds: [upload.id],
        },
        viewer,
        actor,
      );
      attachmentId = upload.id;
    } else if (source.attachmentId) {
      const attachment = await this.tickets.getAttachment(source.attachmentId, viewer);
      if (attachment.ticketId !== before.ticket.id)
        throw new DomainError('invalid_input', 'attachmentId must be a file on this ticket', { fields: ['attachmentId'] });
      attachmentId = attachment.id;
    } else {
      throw new DomainError('invalid_input', 'file (multipart) or attachmentId must be given', { fields: ['file'] });
    }
    await this.dataSource.transaction(async (manager) => {
      const doc = await manager
        .getRepository(HelpRequestDocument)
        .save(
          manager
            .getRepository(HelpRequestDocument)
            .create({ helpRequestId: id, attachmentId, documentType: input.documentType, expiresOn: input.expiresOn ?? null, addedById: actor.id }),
        );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'help_request.document_added',
          entityType: 'help_request',
          entityId: id,
          after: { documentId: doc.id, documentType: doc.documentType, expiresOn: doc.expiresOn, attachmentId },
          ip: actor.ip,
        },
        manager,
      );
    });
    return this.afterChange(before, id, actor);
  }

  async removeDocument(id: string, documentId: string, viewer: Viewer, actor: Actor): Promise<HelpRequestState> {
    const before = await this.state.load(id, viewer);
    this.assertEditable(before.request);
    const doc = before.documents.find((d) => d.id === documentId);
    if (!doc) throw DomainError.notFound('Document', documentId);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(HelpRequestDocument).delete(documentId);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'help_request.document_removed',
          entityType: 'help_request',
          entityId: id,
          before: { documentId, documentType: doc.documentType, expiresOn: doc.expiresOn, attachmentId: doc.attachmentId },
          ip: actor.ip,
        },
        manager,
      );
    });
    return this.afterChange(before, id, actor);
  }

  /** The officer's check that a document matches the data: who, when, notes. Holds until the data changes. */
  async verifyDocument(
    id: string,
    documentId: string,
    input: { result: VerificationResult; notes?: string | null },
    viewer: Viewer,
    actor: Actor,
  ): Promise<HelpRequestState> {
    const before = await this.state.load(id, viewer);
    this.assertEditable(before.request);
    const doc = before.documents.find((d) => d.id === documentId);
    if (!doc) throw DomainError.notFound('Document', documentId);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(HelpRequestDocument).update(documentId, {
        verificationResult: input.result,
        verifiedById: viewer.id,
        verifiedAt: new Date(),
        verificationNotes: input.notes?.trim() || null,
        verifiedDataHash: before.dataHash,
      });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'help_request.document_verified',
          entityType: 'help_request',
          entityId: id,
          before: { documentId, result: before.currentVerification.get(documentId) ?? null },
          after: {
            documentId,
            documentType: doc.documentType,
            result: input.result,
            notes: input.notes ?? null,
            dataVersion: before.request.dataVersion,
          },
          ip: actor.ip,
        },
        manager,
      );
    });
    return this.afterChange(before, id, actor);
  }

  // ---- after every change ----------------------------------------------------------------

  /**
   * Voids what no longer holds and registers a complete intake: a change of the data clears the
   * officer's document findings (they must verify again) and bumps the data version; a declaration
   * signed for other data is voided (it must be signed again).
   */
  async afterChange(before: HelpRequestState | null, id: string, actor: Actor): Promise<HelpRequestState> {
    let after = await this.state.load(id);
    if (before && before.dataHash !== after.dataHash) {
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(HelpRequest).increment({ id }, 'dataVersion', 1);
        const cleared: { id: string; document_type: string }[] = (
          await manager.query(
            `UPDATE help_request_documents SET verification_result = NULL, verified_by_id = NULL, verified_at = NULL, verification_notes = NULL, verified_data_hash = NULL
             WHERE help_request_id = $1 AND verified_at IS NOT NULL RETURNING id, document_type`,
            [id],
          )
        )[0];
        if (cleared.length) {
          await this.audit.record(
            {
              actorId: actor.id,
              action: 'help_request.verification_voided',
              entityType: 'help_request',
              entityId: id,
              before: { documents: cleared.map((d) => ({ documentId: d.id, documentType: d.document_type })) },
              after: { reason: 'the data changed after the documents were verified', dataVersion: before.request.dataVersion + 1 },
              ip: actor.ip,
            },
            manager,
          );
        }
      });
      after = await this.state.load(id);
    }
    if (after.declaration && after.declarationState.outdated) {
      await this.dataSource.transaction(async (manager) => {
        const voided = await manager
          .getRepository(Declaration)
          .update(
            { id: after.declaration!.id, voidedAt: IsNull() },
            { voidedAt: new Date(), voidReason: 'the declared data changed after it was signed' },
          );
        if (voided.affected) {
          await this.audit.record(
            {
              actorId: actor.id,
              action: 'help_request.declaration_voided',
              entityType: 'help_request',
              entityId: id,
              before: { declarationId: after.declaration!.id, method: after.declaration!.method, dataHash: after.declaration!.dataHash },
              after: { reason: 'the declared data changed after it was signed', dataHash: after.toDeclareDigest.sha256 },
              ip: actor.ip,
            },
            manager,
          );
        }
      });
      after = await this.state.load(id);
    }
    if (after.checklist.complete) {
      await this.files.registerIfComplete(after, actor);
      if (!after.request.beneficiaryFileId) after = await this.state.load(id);
    }
    await this.events.changed(after.ticket.id, { id, status: after.request.status, change: 'intake' });
    return after;
  }

  // ---- internals -------------------------------------------------------------------------

  private async insert(
    values: Pick<
      HelpRequest,
      'ticketId' | 'contactId' | 'serviceTypeId' | 'description' | 'household' | 'fields' | 'submissionKey' | 'submissionFingerprint' | 'createdById'
    > & { source: HelpRequestSource },
    ticket: Ticket,
    actor: Actor,
  ): Promise<HelpRequest> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(HelpRequest);
        const saved = await repo.save(repo.create({ ...values, status: 'intake' }));
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'help_request.created',
            entityType: 'help_request',
            entityId: saved.id,
            after: {
              ticketId: ticket.id,
              ticketNumber: ticket.number,
              source: values.source,
              serviceTypeId: values.serviceTypeId,
              householdSize: values.household.length,
              fields: Object.keys(values.fields),
            },
            ip: actor.ip,
          },
          manager,
        );
        return saved;
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION)
        throw new DomainError('conflict', `ticket ${ticket.number} already has a help request`);
      throw error;
    }
  }

  private async setNationalId(contact: Contact, nationalId: string, actor: Actor, replace = false): Promise<void> {
    const hash = this.vault.lookupHash(nationalId);
    if (contact.nationalIdHash === hash) return;
    if (contact.nationalIdHash && !replace) {
      throw new DomainError(
        'conflict',
        `the contact already has another national ID (${contact.nationalIdMasked}); correct it on the intake if it was wrong`,
        { fields: ['nationalId'] },
      );
    }
    await this.contacts.update(contact.id, { nationalId }, actor);
  }

  private checkFields(serviceType: ServiceType, values: Record<string, unknown>): void {
    const errors = fieldValueErrors(serviceType.fields, values);
    if (errors.length) throw new DomainError('invalid_input', errors.join('; '), { fields: ['fields'] });
  }

  /**
   * The household as typed, over the one saved (`saved`): a member sent with a saved member's `id`
   * and no `nationalId` keeps the stored, encrypted ID, since the api only ever shows it masked.
   */
  private householdRecords(members: HouseholdMemberInput[], saved: readonly HouseholdMemberRecord[] = []): HouseholdMemberRecord[] {
    const seen = new Map<string, number>();
    return members.map((m, i) => {
      if (m.birthDate != null && !isIsoDate(m.birthDate))
        throw new DomainError('invalid_input', `household.${i}.birthDate must be a date written YYYY-MM-DD`, { fields: ['household'] });
      const kept = m.id ? saved.find((s) => s.id === m.id) : undefined;
      if (m.id && !kept)
        throw new DomainError('invalid_input', `household.${i}.id ${m.id} is not a saved member of this household`, { fields: [`household.${i}.id`] });
      if (m.id && seen.has(m.id))
        throw new DomainError('invalid_input', `household.${i}.id repeats household.${seen.get(m.id)}.id`, { fields: [`household.${i}.id`] });
      if (m.id) seen.set(m.id, i);
      const nationalId = m.nationalId
        ? this.vault.protect(m.nationalId, `household.${i}.nationalId`)
        : kept && m.nationalId === undefined
          ? { nationalIdEncrypted: kept.nationalIdEncrypted, nationalIdHash: kept.nationalIdHash, nationalIdMasked: kept.nationalIdMasked }
          : { nationalIdEncrypted: null, nationalIdHash: null, nationalIdMasked: null };
      return {
        id: kept?.id ?? randomUUID(),
        name: m.name.trim(),
        relation: m.relation,
        birthDate: m.birthDate ?? null,
        ...nationalId,
        monthlyIncomeSar: m.monthlyIncomeSar ?? null,
        notes: m.notes?.trim() || null,
      };
    });
  }

  private assertEditable(request: HelpRequest): void {
    if (!EDITABLE.includes(request.status)) {
      const why = request.status === 'with_committee' ? 'it is with the research committee' : 'the committee has decided it';
      throw new DomainError('invalid_transition', `the help request cannot be changed: ${why}`);
    }
  }
}

function auditView(r: Pick<HelpRequest, 'description' | 'household' | 'fields'>, serviceType: string, contact: Contact): Record<string, unknown> {
  return {
    serviceType,
    name: contact.name,
    nationalId: contact.nationalIdMasked,
    description: r.description,
    household: r.household.map((m) => ({
      name: m.name,
      relation: m.relation,
      birthDate: m.birthDate,
      nationalId: m.nationalIdMasked,
      monthlyIncomeSar: m.monthlyIncomeSar,
    })),
    fields: r.fields,
  };
}
