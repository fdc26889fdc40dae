export { HelpRequestsModule, HELP_REQUESTS_ENTITIES } from './help-requests.module.js';
export { ServiceType } from './catalogue/service-type.entity.js';
export { ServiceTypesService, type ServiceTypeInput } from './catalogue/service-types.service.js';
export {
  FIELD_TYPES,
  MIN_COMMITTEE_DAYS,
  SERVICE_TYPE_CODE,
  catalogueErrors,
  fieldValueErrors,
  type DocumentSpec,
  type FieldSpec,
  type FieldType,
  type ServiceTypeSpec,
} from './catalogue/service-type-spec.js';
export { BeneficiaryFile } from './beneficiary/beneficiary-file.entity.js';
export { BeneficiaryFilesService, formatFileNumber } from './beneficiary/beneficiary-files.service.js';
export {
  HelpRequest,
  HELP_REQUEST_STATUSES,
  HELP_REQUEST_SOURCES,
  type HelpRequestStatus,
  type HelpRequestSource,
} from './intake/help-request.entity.js';
export { HelpRequestDocument, VERIFICATION_RESULTS, type VerificationResult } from './intake/help-request-document.entity.js';
export { HelpRequestStateService, type HelpRequestState } from './intake/help-request-state.service.js';
export {
  HelpRequestIntakeService,
  type PublicSubmission,
  type StaffIntakeInput,
  type IntakeChanges,
  type DocumentInput,
} from './intake/help-request-intake.service.js';
export { HOUSEHOLD_RELATIONS, type HouseholdRelation, type HouseholdMemberInput, type HouseholdMemberRecord } from './intake/household.js';
export {
  checkIntake,
  handoffBlockers,
  type ChecklistItem,
  type ChecklistCode,
  type IntakeChecklist,
  type IntakeSnapshot,
} from './intake/intake-checklist.js';
export { riyadhDate, isIsoDate, addDays, riyadhNoon, hijriToGregorian, parseHijriDate } from './intake/riyadh-date.js';
export { Declaration, DECLARATION_METHODS, type DeclarationMethod } from './declaration/declaration.entity.js';
export { DeclarationCode } from './declaration/declaration-code.entity.js';
export { DeclarationService, maskPhone, type CodeSent } from './declaration/declaration.service.js';
export { DeclarationCodeOutbox } from './declaration/declaration-code-outbox.js';
export { DECLARATION_STATEMENT, declaredData, declarationDigest, requestDataHash, type DeclaredData } from './declaration/declared-data.js';
export { canonicalJson, sha256Hex } from './declaration/canonical-json.js';
export { OTP_DIGITS, OTP_MAX_ATTEMPTS, OTP_TTL_MS } from './declaration/otp.js';
export { CommitteeBoardEntry } from './committee/committee-board-entry.entity.js';
export { CommitteeResearchEntry, RESEARCH_KINDS, type ResearchKind } from './committee/committee-research-entry.entity.js';
export { CommitteeDecision } from './committee/committee-decision.entity.js';
export { BOARD_STAGES, type BoardStage } from './committee/committee-stages.js';
export { DECISION_OUTCOMES, type DecisionOutcome, type DecisionInput, approvalSummary } from './committee/decision-rules.js';
export { committeeDays, isOverdue } from './committee/committee-clock.js';
export { CommitteeService, type BoardItem, type BoardQuery, type ResearchInput } from './committee/committee.service.js';
export { CommitteeBoardService, type PlaceResult, type ReminderResult } from './committee/committee-board.service.js';
export { CommitteeQueue } from './committee/committee-queue.js';
export { HandoffService } from './committee/handoff.service.js';
export { PLACE_ON_BOARD_JOB, STUDY_OVERDUE_JOB, boardJobId, overdueJobId, parseCommitteeJob, type CommitteeJob } from './committee/committee-jobs.js';
export { TurnaroundService, type TurnaroundReport } from './reports/turnaround.service.js';
export { NOTICE_TEMPLATES } from './notices/applicant-notifier.js';
