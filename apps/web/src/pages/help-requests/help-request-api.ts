import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

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
export type BoardStage = Schemas['BoardItemResponse']['stage'];

// Help requests and the research committee, as the api answers them.
export type ChecklistItem = Schemas['ChecklistItemResponse'];
export type ServiceTypeView = Schemas['ServiceTypeResponse'];
export type HouseholdMemberView = Schemas['HouseholdMemberResponse'];
export type HelpRequestDocumentView = Schemas['HelpRequestDocumentResponse'];
export type DecisionView = Schemas['DecisionResponse'];
export type HelpRequestView = Schemas['HelpRequestResponse'];
export type BoardItem = Schemas['BoardItemResponse'];
export type BoardView = Schemas['BoardResponse'];

export const BOARD_STAGES: readonly BoardStage[] = ['new', 'under_study', 'field_visit', 'ready_for_decision', 'decided'];

const byId = (id: string) => ({ params: { path: { id } } });
// Multipart bodies are FormData, which the generated (JSON) request types do not describe.
const asBody = (body: FormData) => body as never;
const multipart = { bodySerializer: (body: unknown) => body as FormData };

export const helpRequests = {
  serviceTypes: () => unwrap(api.GET('/api/v1/help-requests/service-types')),
  get: (id: string) => unwrap(api.GET('/api/v1/help-requests/{id}', byId(id))),
  ofTicket: (ticketId: string) => unwrap(api.GET('/api/v1/tickets/{id}/help-request', byId(ticketId))),
  create: (input: NewIntakeInput) => unwrap(api.POST('/api/v1/help-requests', { body: input })),
  update: (id: string, input: IntakeInput) => unwrap(api.PATCH('/api/v1/help-requests/{id}', { ...byId(id), body: input })),
  addDocument: (id: string, input: { file: File; documentType: string; expiresOn?: string; expiresOnHijri?: string }) => {
    const form = new FormData();
    form.append('file', input.file);
    form.append('documentType', input.documentType);
    if (input.expiresOn) form.append('expiresOn', input.expiresOn);
    if (input.expiresOnHijri) form.append('expiresOnHijri', input.expiresOnHijri);
    return unwrap(api.POST('/api/v1/help-requests/{id}/documents', { ...byId(id), body: asBody(form), ...multipart }));
  },
  removeDocument: (id: string, documentId: string) =>
    unwrap(api.DELETE('/api/v1/help-requests/{id}/documents/{documentId}', { params: { path: { id, documentId } } })),
  verify: (id: string, documentId: string, body: Schemas['VerifyDocumentDto']) =>
    unwrap(api.POST('/api/v1/help-requests/{id}/documents/{documentId}/verification', { params: { path: { id, documentId } }, body })),
  sendCode: (id: string) => unwrap(api.POST('/api/v1/help-requests/{id}/declaration/code', byId(id))),
  confirmCode: (id: string, code: string) => unwrap(api.POST('/api/v1/help-requests/{id}/declaration/code/confirm', { ...byId(id), body: { code } })),
  paperDeclaration: (id: string, input: { file: File; notes?: string }) => {
    const form = new FormData();
    form.append('file', input.file);
    if (input.notes) form.append('notes', input.notes);
    return unwrap(api.POST('/api/v1/help-requests/{id}/declaration/paper', { ...byId(id), body: asBody(form), ...multipart }));
  },
  handoff: (ticketId: string) => unwrap(api.POST('/api/v1/tickets/{id}/handoff', byId(ticketId))),
  board: () => unwrap(api.GET('/api/v1/committee/board')),
  moveStage: (id: string, stage: Schemas['StageDto']['stage']) =>
    unwrap(api.POST('/api/v1/help-requests/{id}/stage', { ...byId(id), body: { stage } })),
  decide: (id: string, body: DecisionInput) => unwrap(api.POST('/api/v1/help-requests/{id}/decisions', { ...byId(id), body })),
};

export const helpRequestKeys = {
  one: (id: string) => ['help-requests', 'one', id] as const,
  ofTicket: (ticketId: string) => ['help-requests', 'ticket', ticketId] as const,
  serviceTypes: ['help-requests', 'service-types'] as const,
  board: ['committee', 'board'] as const,
};
