import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { DomainError } from '@app/common';
import type { Contact } from '@app/contacts';
import { type Ticket, TicketsService, type Viewer } from '@app/tickets';
import type { ServiceType } from '../catalogue/service-type.entity.js';
import { CommitteeBoardEntry } from '../committee/committee-board-entry.entity.js';
import { DeclarationCode } from '../declaration/declaration-code.entity.js';
import { Declaration } from '../declaration/declaration.entity.js';
import { declarationDigest, declaredData, requestDataHash, type DeclaredData, type RequestData } from '../declaration/declared-data.js';
import { HelpRequestDocument } from './help-request-document.entity.js';
import { HelpRequest } from './help-request.entity.js';
import {
  checkIntake,
  handoffBlockers,
  type ChecklistItem,
  type DeclarationState,
  type IntakeChecklist,
  type IntakeDocument,
} from './intake-checklist.js';
import { NationalIdVault } from './national-id-vault.js';
import { riyadhDate } from './riyadh-date.js';

/** Everything known about one help request, with what follows from it (checklist, verification, declaration). */
export interface HelpRequestState {
  request: HelpRequest;
  serviceType: ServiceType;
  ticket: Ticket;
  contact: Contact;
  documents: HelpRequestDocument[];
  /** Per document id: the officer's finding if it was made against the current data. */
  currentVerification: Map<string, 'matches' | 'mismatch' | null>;
  declaration: Declaration | null;
  latestCode: DeclarationCode | null;
  board: CommitteeBoardEntry | null;
  requestData: RequestData;
  dataHash: string;
  /** What the applicant would declare now, and its digest. */
  toDeclare: DeclaredData;
  toDeclareDigest: { json: string; sha256: string };
  declarationState: DeclarationState;
  checklist: IntakeChecklist;
  blockers: ChecklistItem[];
}

/** Loads a help request and works out its checklist, verification and declaration state. Reads only. */
@Injectable()
export class HelpRequestStateService {
  private readonly logger = new Logger(HelpRequestStateService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly vault: NationalIdVault,
  ) {}

  async find(id: string, viewer?: Viewer): Promise<HelpRequest> {
    const request = await this.dataSource.getRepository(HelpRequest).findOne({ where: { id }, relations: { serviceType: true } });
    if (!request) throw DomainError.notFound('Help request', id);
    if (viewer) await this.tickets.get(request.ticketId, viewer);
    return request;
  }

  async findByTicket(ticketId: string, viewer?: Viewer): Promise<HelpRequest> {
    if (viewer) await this.tickets.get(ticketId, viewer);
    const request = await this.dataSource.getRepository(HelpRequest).findOne({ where: { ticketId }, relations: { serviceType: true } });
    if (!request) throw new DomainError('not_found', `ticket ${ticketId} has no help request; create the intake first`);
    return request;
  }

  async load(id: string, viewer?: Viewer, now = new Date()): Promise<HelpRequestState> {
    const request = await this.find(id, viewer);
    return this.compute(request, now);
  }

  async compute(request: HelpRequest, now = new Date()): Promise<HelpRequestState> {
    const serviceType = request.serviceType ?? (await this.find(request.id)).serviceType!;
    const ticket = await this.tickets.get(request.ticketId);
    const contact = await this.tickets.contactOf(ticket);
    const [documents, declaration, latestCode, board] = await Promise.all([
      this.dataSource
        .getRepository(HelpRequestDocument)
        .find({ where: { helpRequestId: request.id }, relations: { attachment: true }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.dataSource.getRepository(Declaration).findOne({ where: { helpRequestId: request.id, voidedAt: IsNull() }, order: { declaredAt: 'DESC' } }),
      this.dataSource.getRepository(DeclarationCode).findOne({ where: { helpRequestId: request.id }, order: { createdAt: 'DESC' } }),
      this.dataSource.getRepository(CommitteeBoardEntry).findOneBy({ helpRequestId: request.id }),
    ]);

    const requestData: RequestData = {
      helpRequestId: request.id,
      ticketNumber: ticket.number,
      serviceType: serviceType.code,
      applicant: { name: contact.name, nationalIdHash: contact.nationalIdHash, nationalIdMasked: contact.nationalIdMasked },
      description: request.description,
      household: request.household.map((m) => ({
        name: m.name,
        relation: m.relation,
        birthDate: m.birthDate,
        nationalIdHash: m.nationalIdHash,
        nationalIdMasked: m.nationalIdMasked,
        monthlyIncomeSar: m.monthlyIncomeSar,
        notes: m.notes,
      })),
      fields: request.fields,
    };
    const dataHash = requestDataHash(requestData);
    const currentVerification = new Map(
      documents.map((d) => [d.id, d.verificationResult && d.verifiedDataHash === dataHash ? d.verificationResult : null]),
    );
    const intakeDocuments: IntakeDocument[] = documents.map((d) => ({
      id: d.id,
      documentType: d.documentType,
      expiresOn: d.expiresOn,
      verification: currentVerification.get(d.id) ?? null,
    }));

    // With the committee (or decided), the documents were judged on the hand-off day; while the intake is open, on today.
    const submitted = (request.status === 'with_committee' || request.status === 'decided') && request.handedOffAt;
    const asOf = riyadhDate(submitted ? request.handedOffAt! : now);
    const checklist = checkIntake(
      {
        applicant: { name: contact.name, nationalId: this.revealSafely(contact.nationalIdEncrypted, `contact ${contact.id}`) },
        description: request.description,
        household: request.household.map((m, i) => ({
          name: m.name,
          relation: m.relation,
          birthDate: m.birthDate,
          nationalId: this.revealSafely(m.nationalIdEncrypted, `household ${i}`),
        })),
        fields: request.fields,
        documents: intakeDocuments,
      },
      serviceType,
      asOf,
    );
    const declaredDocuments = documents.map((d) => ({ documentType: d.documentType, sha256: d.attachment?.sha256 ?? '', expiresOn: d.expiresOn }));
    const toDeclare = declaredData(requestData, declaredDocuments, contact.preferredLanguage);
    const toDeclareDigest = declarationDigest(toDeclare);
    // A declaration holds for the exact data (in the language) it was signed in.
    const signedFor = declaration ? declarationDigest(declaredData(requestData, declaredDocuments, declaration.language)).sha256 : null;
    const declarationState: DeclarationState = { signed: !!declaration, outdated: !!declaration && declaration.dataHash !== signedFor };
    return {
      request,
      serviceType,
      ticket,
      contact,
      documents,
      currentVerification,
      declaration,
      latestCode,
      board,
      requestData,
      dataHash,
      toDeclare,
      toDeclareDigest,
      declarationState,
      checklist,
      blockers: handoffBlockers(checklist, intakeDocuments, declarationState),
    };
  }

  private revealSafely(token: string | null, what: string): string | null {
    try {
      return this.vault.reveal(token);
    } catch {
      // Encrypted under another secret (rotation): treated as missing, so the officer enters it again.
      this.logger.warn(`national ID of ${what} could not be decrypted`);
      return null;
    }
  }
}
