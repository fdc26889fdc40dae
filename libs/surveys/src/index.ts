export { SurveysModule } from './surveys.module.js';
export { SurveySettingsService, DEFAULT_SURVEY_SETTINGS, type SurveySettingsValues, type SurveySettingsView } from './survey-settings.service.js';
export { SurveyDispatchService, INVITATION_TEMPLATE, REMINDER_TEMPLATE, type DispatchOutcome } from './survey-dispatch.service.js';
export { SurveyAnswersService, type PublicSurveyView, type SurveyAnswerInput, type SurveyAnswerReceipt } from './survey-answers.service.js';
export { SurveyRecoveryService, recoveryNote, type RecoveryOutcome } from './survey-recovery.service.js';
export {
  SurveyResultsService,
  maySeeOfficerResults,
  SURVEY_GROUPS,
  SURVEY_INTERVALS,
  type SurveyGroupBy,
  type SurveyInterval,
  type SurveyFilter,
  type SurveyResultsQuery,
  type SurveyResultsView,
  type SurveyGroupView,
  type SurveyCommentView,
} from './survey-results.service.js';
export {
  decideSurvey,
  decideReminder,
  chooseSurveyDelivery,
  isResolvedForSurvey,
  reminderDelayMs,
  RECOVERY_TAG,
  SURVEY_SKIP_REASONS,
  type SurveyDecision,
  type SurveyDelivery,
  type SurveySkipReason,
} from './survey-guards.js';
export {
  SEND_INVITATION_JOB,
  SEND_REMINDER_JOB,
  OPEN_RECOVERY_JOB,
  invitationJobId,
  reminderJobId,
  recoveryJobId,
  parseSurveyJob,
  type SurveyJob,
  type SendInvitationJob,
  type SendReminderJob,
  type OpenRecoveryJob,
} from './survey-jobs.js';
export { recoveryTrigger, recoverySubject, type RecoveryPolicy, type RecoveryTrigger } from './survey-recovery-rule.js';
export { surveyFigures, type SurveyCounts, type SurveyFigures } from './survey-figures.js';
export { periodBound } from './survey-period.js';
export { createSurveyToken, hashSurveyToken, isWellFormedSurveyToken, surveyLinks, SURVEY_TOKEN_BYTES } from './survey-token.js';
export {
  DEFAULT_SURVEY_QUESTIONS,
  MAX_SURVEY_COMMENT_LENGTH,
  QUESTION_KEY_PATTERN,
  SURVEY_QUESTION_KINDS,
  validateSurveyAnswers,
  type SurveyQuestion,
  type SurveyQuestionKind,
  type SurveyAnswers,
} from './survey-questions.js';
export { SurveySettings } from './survey-settings.entity.js';
export { SurveyInvitation } from './survey-invitation.entity.js';
export { SurveyResponse } from './survey-response.entity.js';

import { SurveyInvitation } from './survey-invitation.entity.js';
import { SurveyResponse } from './survey-response.entity.js';
import { SurveySettings } from './survey-settings.entity.js';
export const SURVEYS_ENTITIES = [SurveySettings, SurveyInvitation, SurveyResponse];
export { SurveyReconcilerService } from './survey-reconciler.service.js';
