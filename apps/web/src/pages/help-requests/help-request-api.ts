import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import type { AttachmentView } from '../../api/views';

type Schemas = components['schemas'];

// What the console sends, and the service-type specs, as the api documents them (OpenAPI request bodies).
export type FieldSpec = Schemas['FieldSpecDto'];
export type DocumentSpec = Schemas['DocumentSpecDto'];
/** A saved member sent without `nationalId` keeps the one the api stores. */
export type HouseholdMemberInput = Schemas['HouseholdMemberDto'];
export type HouseholdRelation = HouseholdMemberInput['relation'];
export type IntakeInput = Schemas['UpdateHelpRequestDto'];
export type NewIntakeInput = Schemas['CreateHelpRequestDto'];
export type DecisionInput = Schemas['DecisionDto'];
export type BoardStage = Schemas['StageDto']['stage'] | 'decided';

/**
 * Help requests and the research committee, as the api answers them (apps/api/src/help-requests/help-request-view.ts,
 * libs/help-requests CommitteeService.board). The api does not describe these response bodies in OpenAPI, so they are typed here.
 */
export interface ChecklistItem {
  code: string;
  message: string;
  field?: string;
  documentType?: string;
  documentId?: string;
  index?: number;
}

export interface ServiceTypeView {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string;
  descriptionAr: string | null;
  descriptionEn: string | null;
  fields: FieldSpec[];
  documents: DocumentSpec[];
  committeeTargetDays: number;
  committeeDays: number;
  active: boolean;
  sortOrder: number;
}

export interface HouseholdMemberView {
  /** Sent back with the member, it keeps the stored national ID. */
  id: string;
  name: string;
  relation: string;
  birthDate: string | null;
  /** Masked (1••••••••7): the api never returns a member's full ID. */
  nationalId: string | null;
  monthlyIncomeSar: number | null;
  notes: string | null;
}

export interface HelpRequestDocumentView {
  id: string;
  documentType: string;
  label: { ar: string; en: string } | null;
  required: boolean;
  expiresOn: string | null;
  expiresOnHijri: string | null;
  attachment: AttachmentView | null;
  addedAt: string;
  verification: { result: string; current: boolean; verifiedById: string | null; verifiedAt: string | null; notes: string | null } | null;
}

export interface DecisionView {
  id: string;
  outcome: string;
  amountSar: number | null;
  items: string[];
  durationMonths: number | null;
  reason: string | null;
  infoNeeded: string | null;
  notes: string | null;
  correctsDecisionId: string | null;
  correctedById: string | null;
  round: number;
  decidedById: string;
  decidedAt: string;
}

export interface HelpRequestView {
  id: string;
  ticketId: string;
  ticketNumber: string;
  ticketStatus: string;
  status: 'intake' | 'with_committee' | 'awaiting_info' | 'decided';
  source: string;
  dataVersion: number;
  serviceType: { id: string; code: string; nameAr: string; nameEn: string; committeeTargetDays: number };
  applicant: {
    contactId: string;
    name: string;
    kind: string;
    nationalId: string | null;
    phones: string[];
    preferredLanguage: string;
    beneficiaryFileNumber: string | null;
  };
  description: string;
  household: HouseholdMemberView[];
  fields: Record<string, unknown>;
  documents: HelpRequestDocumentView[];
  checklist: { asOf: string; complete: boolean; missing: ChecklistItem[]; invalid: ChecklistItem[] };
  verification: { complete: boolean; unverified: string[] };
  declaration: { signed: boolean; outdated: boolean; method: string | null; channel: string | null; declaredAt: string | null };
  pendingCode: { codeId: string; sentTo: string; expiresAt: string; triesLeft: number; sandbox: boolean } | null;
  readyForHandoff: boolean;
  blockers: ChecklistItem[];
  committee: {
    days: number;
    round: number;
    handedOffAt: string | null;
    dueAt: string | null;
    expectedDecisionDate: { ar: string; en: string } | null;
    clockPaused: boolean;
    overdue: boolean;
    stage: BoardStage | null;
    research: { id: string; kind: string; notes: string; visitDate: string | null; findings: string | null; createdAt: string }[];
    decisions: DecisionView[];
  };
  createdAt: string;
  updatedAt: string;
}

export const BOARD_STAGES: readonly BoardStage[] = ['new', 'under_study', 'field_visit', 'ready_for_decision', 'decided'];

export interface BoardItem {
  helpRequestId: string;
  ticketId: string;
  ticketNumber: string;
  applicant: { id: string; name: string; beneficiaryFileNumber: string | null };
  serviceType: { code: string; nameAr: string; nameEn: string };
  stage: BoardStage;
  round: number;
  status: string;
  awaitingInfo: boolean;
  placedAt: string;
  dueAt: string | null;
  overdue: boolean;
  daysLeft: number | null;
}

export interface BoardView {
  items: BoardItem[];
  stages: Record<BoardStage, number>;
}

const byId = (id: string) => ({ params: { path: { id } } });
// Multipart bodies are FormData, which the generated (JSON) request types do not describe.
const asBody = (body: FormData) => body as never;
const multipart = { bodySerializer: (body: unknown) => body as FormData };

export const helpRequests = {
  serviceTypes: () => unwrap<{ items: ServiceTypeView[] }>(api.GET('/api/v1/help-requests/service-types')),
  get: (id: string) => unwrap<HelpRequestView>(api.GET('/api/v1/help-requests/{id}', byId(id))),
  ofTicket: (ticketId: string) => unwrap<HelpRequestView>(api.GET('/api/v1/tickets/{id}/help-request', byId(ticketId))),
  create: (input: NewIntakeInput) => unwrap<HelpRequestView>(api.POST('/api/v1/help-requests', { body: input })),
  update: (id: string, input: IntakeInput) => unwrap<HelpRequestView>(api.PATCH('/api/v1/help-requests/{id}', { ...byId(id), body: input })),
  addDocument: (id: string, input: { file: File; documentType: string; expiresOn?: string; expiresOnHijri?: string }) => {
    const form = new FormData();
    form.append('file', input.file);
    form.append('documentType', input.documentType);
    if (input.expiresOn) form.append('expiresOn', input.expiresOn);
    if (input.expiresOnHijri) form.append('expiresOnHijri', input.expiresOnHijri);
    return unwrap<HelpRequestView>(api.POST('/api/v1/help-requests/{id}/documents', { ...byId(id), body: asBody(form), ...multipart }));
  },
  removeDocument: (id: string, documentId: string) =>
    unwrap<HelpRequestView>(api.DELETE('/api/v1/help-requests/{id}/documents/{documentId}', { params: { path: { id, documentId } } })),
  verify: (id: string, documentId: string, body: Schemas['VerifyDocumentDto']) =>
    unwrap<HelpRequestView>(
      api.POST('/api/v1/help-requests/{id}/documents/{documentId}/verification', { params: { path: { id, documentId } }, body }),
    ),
  sendCode: (id: string) =>
    unwrap<{ codeId: string; sentTo: string; expiresAt: string; sandbox: boolean }>(
      api.POST('/api/v1/help-requests/{id}/declaration/code', byId(id)),
    ),
  confirmCode: (id: string, code: string) =>
    unwrap<HelpRequestView>(api.POST('/api/v1/help-requests/{id}/declaration/code/confirm', { ...byId(id), body: { code } })),
  paperDeclaration: (id: string, input: { file: File; notes?: string }) => {
    const form = new FormData();
    form.append('file', input.file);
    if (input.notes) form.append('notes', input.notes);
    return unwrap<HelpRequestView>(api.POST('/api/v1/help-requests/{id}/declaration/paper', { ...byId(id), body: asBody(form), ...multipart }));
  },
  handoff: (ticketId: string) => unwrap<HelpRequestView>(api.POST('/api/v1/tickets/{id}/handoff', byId(ticketId))),
  board: () => unwrap<BoardView>(api.GET('/api/v1/committee/board')),
  moveStage: (id: string, stage: Schemas['StageDto']['stage']) =>
    unwrap<HelpRequestView>(api.POST('/api/v1/help-requests/{id}/stage', { ...byId(id), body: { stage } })),
  decide: (id: string, body: DecisionInput) => unwrap<HelpRequestView>(api.POST('/api/v1/help-requests/{id}/decisions', { ...byId(id), body })),
};

export const helpRequestKeys = {
  one: (id: string) => ['help-requests', 'one', id] as const,
  ofTicket: (ticketId: string) => ['help-requests', 'ticket', ticketId] as const,
  serviceTypes: ['help-requests', 'service-types'] as const,
  board: ['committee', 'board'] as const,
};
