import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTACT_KINDS } from '@app/contacts';
import {
  BOARD_STAGES,
  DECISION_OUTCOMES,
  DECLARATION_METHODS,
  HELP_REQUEST_SOURCES,
  HELP_REQUEST_STATUSES,
  HOUSEHOLD_RELATIONS,
  RESEARCH_KINDS,
  VERIFICATION_RESULTS,
  type BoardItem,
  type BoardStage,
  type ChecklistItem,
  type CodeSent,
  type TurnaroundReport,
} from '@app/help-requests';
import { TICKET_STATUSES } from '@app/tickets';
import { AttachmentResponse } from '../tickets/ticket.views.js';
import { DocumentSpecDto, FieldSpecDto } from './help-request.dto.js';

// Response bodies, described for the OpenAPI document (and so for the web console's typed client).

const ANSWERS = { type: 'object', additionalProperties: true } as const;

export class ServiceTypeResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'rent_support' })
  code!: string;

  @ApiProperty()
  nameAr!: string;

  @ApiProperty()
  nameEn!: string;

  @ApiProperty({ type: String, nullable: true })
  descriptionAr!: string | null;

  @ApiProperty({ type: String, nullable: true })
  descriptionEn!: string | null;

  @ApiProperty({ type: [FieldSpecDto], description: 'the answers the applicant gives' })
  fields!: FieldSpecDto[];

  @ApiProperty({ type: [DocumentSpecDto], description: 'the documents the service needs' })
  documents!: DocumentSpecDto[];

  @ApiProperty({ description: 'the committee’s target study days' })
  committeeTargetDays!: number;

  @ApiProperty({ description: 'the days applicants are told: the target, never under the configured minimum (≥ 14)' })
  committeeDays!: number;

  @ApiProperty()
  active!: boolean;

  @ApiProperty()
  sortOrder!: number;
}

export class ServiceTypeListResponse {
  @ApiProperty({ type: [ServiceTypeResponse] })
  items!: ServiceTypeResponse[];
}

export class ServiceTypeRefResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  nameAr!: string;

  @ApiProperty()
  nameEn!: string;

  @ApiProperty()
  committeeTargetDays!: number;
}

export class ApplicantResponse {
  @ApiProperty({ format: 'uuid' })
  contactId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: CONTACT_KINDS })
  kind!: string;

  @ApiProperty({ type: String, nullable: true, example: '1••••••••8', description: 'masked' })
  nationalId!: string | null;

  @ApiProperty({ type: [String], description: 'E.164' })
  phones!: string[];

  @ApiProperty({ enum: ['ar', 'en'] })
  preferredLanguage!: string;

  @ApiProperty({ type: String, nullable: true, example: 'BF-000123', description: 'set once the association opened a beneficiary file' })
  beneficiaryFileNumber!: string | null;
}

export class HouseholdMemberResponse {
  @ApiProperty({ format: 'uuid', description: 'send it back with the member to keep its stored national ID' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: HOUSEHOLD_RELATIONS })
  relation!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  birthDate!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'masked; the full ID is never returned' })
  nationalId!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  monthlyIncomeSar!: number | null;

  @ApiProperty({ type: String, nullable: true })
  notes!: string | null;
}

/** The same text in Arabic and in English. */
export class BilingualTextResponse {
  @ApiProperty()
  ar!: string;

  @ApiProperty()
  en!: string;
}

export class DocumentVerificationResponse {
  @ApiProperty({ enum: VERIFICATION_RESULTS })
  result!: string;

  @ApiProperty({ description: 'false: made for data that has changed since, so it no longer counts' })
  current!: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  verifiedById!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  verifiedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  notes!: string | null;
}

export class HelpRequestDocumentResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'lease_contract' })
  documentType!: string;

  @ApiProperty({ type: BilingualTextResponse, nullable: true, description: 'null: a type the service no longer lists' })
  label!: BilingualTextResponse | null;

  @ApiProperty()
  required!: boolean;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  expiresOn!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the expiry date in the Hijri calendar, in Arabic' })
  expiresOnHijri!: string | null;

  @ApiProperty({ type: AttachmentResponse, nullable: true })
  attachment!: AttachmentResponse | null;

  @ApiProperty({ format: 'date-time' })
  addedAt!: string;

  @ApiProperty({ type: DocumentVerificationResponse, nullable: true, description: 'null: not verified yet' })
  verification!: DocumentVerificationResponse | null;
}

export class ChecklistItemResponse implements ChecklistItem {
  @ApiProperty({ type: String, example: 'document_missing' })
  code!: ChecklistItem['code'];

  @ApiProperty()
  message!: string;

  @ApiPropertyOptional()
  field?: string;

  @ApiPropertyOptional()
  documentType?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  documentId?: string;

  @ApiPropertyOptional({ description: 'household member position' })
  index?: number;
}

export class ChecklistResponse {
  @ApiProperty({ format: 'date', description: 'the submission day the checklist is judged on' })
  asOf!: string;

  @ApiProperty()
  complete!: boolean;

  @ApiProperty({ type: [ChecklistItemResponse] })
  missing!: ChecklistItemResponse[];

  @ApiProperty({ type: [ChecklistItemResponse] })
  invalid!: ChecklistItemResponse[];
}

export class VerificationSummaryResponse {
  @ApiProperty({ description: 'every document was found to match' })
  complete!: boolean;

  @ApiProperty({ type: [String], format: 'uuid', description: 'documents without a current finding' })
  unverified!: string[];
}

export class DeclarationStateResponse {
  @ApiProperty()
  signed!: boolean;

  @ApiProperty({ description: 'signed for data that has changed since' })
  outdated!: boolean;

  @ApiProperty({ type: String, enum: DECLARATION_METHODS, nullable: true })
  method!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'sms' })
  channel!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  declaredAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the declared data' })
  dataHash!: string | null;

  @ApiProperty({ type: String, nullable: true })
  ip!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  recordedById!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'paper declarations: the day it was signed' })
  signedOn!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'paper declarations: the scanned form' })
  attachmentId!: string | null;
}

export class PendingCodeResponse {
  @ApiProperty({ format: 'uuid' })
  codeId!: string;

  @ApiProperty({ example: '+9665•••••67' })
  sentTo!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty()
  triesLeft!: number;

  @ApiProperty({ description: 'the SMS channel is sandboxed: recorded, nothing sent' })
  sandbox!: boolean;
}

export class ResearchEntryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: RESEARCH_KINDS })
  kind!: string;

  @ApiProperty()
  notes!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  visitDate!: string | null;

  @ApiProperty({ type: String, nullable: true })
  findings!: string | null;

  @ApiProperty({ format: 'uuid' })
  authorId!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class DecisionResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: DECISION_OUTCOMES })
  outcome!: string;

  @ApiProperty({ type: Number, nullable: true })
  amountSar!: number | null;

  @ApiProperty({ type: [String] })
  items!: string[];

  @ApiProperty({ type: Number, nullable: true })
  durationMonths!: number | null;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: String, nullable: true })
  infoNeeded!: string | null;

  @ApiProperty({ type: String, nullable: true })
  notes!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the decision this one corrects' })
  correctsDecisionId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the decision that corrects this one' })
  correctedById!: string | null;

  @ApiProperty()
  round!: number;

  @ApiProperty({ format: 'uuid' })
  decidedById!: string;

  @ApiProperty({ format: 'date-time' })
  decidedAt!: string;
}

export class CommitteeStateResponse {
  @ApiProperty({ description: 'the study days applicants are told' })
  days!: number;

  @ApiProperty({ description: 'hand-offs so far' })
  round!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstHandedOffAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  handedOffAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dueAt!: string | null;

  @ApiProperty({ type: BilingualTextResponse, nullable: true, description: 'the due date, Hijri beside Gregorian' })
  expectedDecisionDate!: BilingualTextResponse | null;

  @ApiProperty({ description: 'waiting for information the committee asked for' })
  clockPaused!: boolean;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty({ type: String, enum: BOARD_STAGES, nullable: true })
  stage!: BoardStage | null;

  @ApiProperty({ type: [ResearchEntryResponse] })
  research!: ResearchEntryResponse[];

  @ApiProperty({ type: [DecisionResponse] })
  decisions!: DecisionResponse[];
}

export class HelpRequestResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  ticketId!: string;

  @ApiProperty()
  ticketNumber!: string;

  @ApiProperty({ enum: TICKET_STATUSES })
  ticketStatus!: string;

  @ApiProperty({ enum: HELP_REQUEST_STATUSES })
  status!: (typeof HELP_REQUEST_STATUSES)[number];

  @ApiProperty({ enum: HELP_REQUEST_SOURCES })
  source!: string;

  @ApiProperty({ description: 'grows with every change to the data; declarations and findings are tied to it' })
  dataVersion!: number;

  @ApiProperty({ type: ServiceTypeRefResponse })
  serviceType!: ServiceTypeRefResponse;

  @ApiProperty({ type: ApplicantResponse })
  applicant!: ApplicantResponse;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: [HouseholdMemberResponse] })
  household!: HouseholdMemberResponse[];

  @ApiProperty({ ...ANSWERS, description: 'the answers to the service’s fields, by field name' })
  fields!: Record<string, unknown>;

  @ApiProperty({ type: [HelpRequestDocumentResponse] })
  documents!: HelpRequestDocumentResponse[];

  @ApiProperty({ type: ChecklistResponse, description: 'what is missing and what is invalid on the submission day' })
  checklist!: ChecklistResponse;

  @ApiProperty({ type: VerificationSummaryResponse })
  verification!: VerificationSummaryResponse;

  @ApiProperty({ type: DeclarationStateResponse })
  declaration!: DeclarationStateResponse;

  @ApiProperty({ type: PendingCodeResponse, nullable: true, description: 'a one-time code that can still be confirmed' })
  pendingCode!: PendingCodeResponse | null;

  @ApiProperty()
  readyForHandoff!: boolean;

  @ApiProperty({ type: [ChecklistItemResponse], description: 'everything that stops the hand-off (its 422 lists the same)' })
  blockers!: ChecklistItemResponse[];

  @ApiProperty({ type: CommitteeStateResponse })
  committee!: CommitteeStateResponse;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class CodeSentResponse implements CodeSent {
  @ApiProperty({ format: 'uuid' })
  codeId!: string;

  @ApiProperty({ enum: ['sms'] })
  channel!: 'sms';

  @ApiProperty({ example: '+9665•••••67' })
  sentTo!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ description: 'the SMS channel is sandboxed: recorded, nothing sent' })
  sandbox!: boolean;
}

export class ApplicantDeclarationResponse {
  @ApiProperty({ enum: [true] })
  signed!: true;

  @ApiProperty()
  ticketNumber!: string;
}

export class TurnaroundItemResponse {
  @ApiProperty({ example: 'rent_support', description: 'the service type’s code' })
  serviceType!: string;

  @ApiProperty()
  serviceTypeName!: string;

  @ApiProperty()
  serviceTypeNameAr!: string;

  @ApiProperty({ description: 'decided studies in the period' })
  decided!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'study days from first hand-off to decision, waiting for information excluded' })
  avgDays!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  medianDays!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'calendar days from first hand-off to decision' })
  avgElapsedDays!: number | null;

  @ApiProperty({ description: 'decided after their due date' })
  decidedLate!: number;

  @ApiProperty({ description: 'still with the committee' })
  open!: number;

  @ApiProperty({ description: 'still with the committee and past their due date' })
  overdue!: number;
}

export class TurnaroundReportResponse implements TurnaroundReport {
  @ApiProperty({ type: String, format: 'date', nullable: true })
  from!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  to!: string | null;

  @ApiProperty({ format: 'date-time' })
  generatedAt!: string;

  @ApiProperty({ type: [TurnaroundItemResponse] })
  items!: TurnaroundItemResponse[];
}

export class BoardApplicantResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  beneficiaryFileNumber!: string | null;
}

export class BoardServiceTypeResponse {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  nameAr!: string;

  @ApiProperty()
  nameEn!: string;
}

export class BoardItemResponse implements BoardItem {
  @ApiProperty({ format: 'uuid' })
  helpRequestId!: string;

  @ApiProperty({ format: 'uuid' })
  ticketId!: string;

  @ApiProperty()
  ticketNumber!: string;

  @ApiProperty({ type: BoardApplicantResponse })
  applicant!: BoardApplicantResponse;

  @ApiProperty({ type: BoardServiceTypeResponse })
  serviceType!: BoardServiceTypeResponse;

  @ApiProperty({ enum: BOARD_STAGES })
  stage!: BoardStage;

  @ApiProperty()
  round!: number;

  @ApiProperty({ enum: HELP_REQUEST_STATUSES, description: 'with_committee, or awaiting_info while the committee waits for information' })
  status!: string;

  @ApiProperty({ description: 'the clock is stopped until the applicant answers' })
  awaitingInfo!: boolean;

  @ApiProperty({ format: 'date-time' })
  placedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dueAt!: string | null;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty({ type: Number, nullable: true })
  daysLeft!: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when the committee was last reminded of this overdue case' })
  overdueRemindedAt!: string | null;
}

/** Cases per board stage. */
export class BoardStageCountsResponse implements Record<BoardStage, number> {
  @ApiProperty()
  new!: number;

  @ApiProperty()
  under_study!: number;

  @ApiProperty()
  field_visit!: number;

  @ApiProperty()
  ready_for_decision!: number;

  @ApiProperty()
  decided!: number;
}

export class BoardResponse {
  @ApiProperty({ type: [BoardItemResponse] })
  items!: BoardItemResponse[];

  @ApiProperty({ type: BoardStageCountsResponse })
  stages!: BoardStageCountsResponse;
}
