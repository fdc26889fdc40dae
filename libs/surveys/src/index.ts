export { SurveysModule } from './surveys.module.js';
export { SurveySettingsService, type SurveySettingsView } from './survey-settings.service.js';
export { SurveyDispatchService, type DispatchOutcome } from './survey-dispatch.service.js';
export { SurveyAnswersService, type PublicSurveyView, type SurveyAnswerReceipt } from './survey-answers.service.js';
export { SurveyRecoveryService, type RecoveryOutcome } from './survey-recovery.service.js';
export {
  SurveyResultsService,
  SURVEY_GROUPS,
  SURVEY_INTERVALS,
  type SurveyGroupBy,
  type SurveyInterval,
  type SurveyFilter,
  type SurveyResultsView,
  type SurveyCommentView,
} from './survey-results.service.js';
export { SEND_INVITATION_JOB, SEND_REMINDER_JOB, OPEN_RECOVERY_JOB, parseSurveyJob, type SurveyJob } from './survey-jobs.js';
export { periodBound } from './survey-period.js';
export { createSurveyToken } from './survey-token.js';
export {
  MAX_SURVEY_COMMENT_LENGTH,
  QUESTION_KEY_PATTERN,
  SURVEY_QUESTION_KINDS,
  type SurveyQuestion,
  type SurveyQuestionKind,
} from './survey-questions.js';
export { SurveySettings } from './survey-settings.entity.js';
export { SurveyInvitation } from './survey-invitation.entity.js';
export { SurveyResponse } from './survey-response.entity.js';

import { SurveyInvitation } from './survey-invitation.entity.js';
import { SurveyResponse } from './survey-response.entity.js';
import { SurveySettings } from './survey-settings.entity.js';
export const SURVEYS_ENTITIES = [SurveySettings, SurveyInvitation, SurveyResponse];
export { SurveyReconcilerService } from './survey-reconciler.service.js';
