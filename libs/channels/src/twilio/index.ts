/** Twilio (SMS, WhatsApp, voice): re-exported by the channels library's index. */
export { TwilioModule } from './twilio.module.js';
export { TwilioCallLog } from './twilio-call-log.service.js';
export { TwilioReconciler, twilioMediaHosts, type ReconcileResult } from './twilio-reconciler.js';
export { TwilioStatusService, type StatusOutcome } from './twilio-status.service.js';
export { parseTwilioStatusCallback, type TwilioStatusUpdate } from './twilio-status.js';
export {
  callerOf,
  isTwilioMediaUrl,
  normalizeTwilioCall,
  normalizeTwilioMessage,
  normalizeTwilioRecording,
  INCOMING_CALL_TEXT,
  type TwilioInboundOptions,
} from './twilio-inbound.js';
export { TwilioRequestError, type TwilioParams } from './twilio-params.js';
export { isValidTwilioSignature, signedUrl } from './twilio-signature.js';
export { ARABIC_SAY, emptyMessagingTwiml, goodbyeTwiml, voicemailTwiml, withheldNumberTwiml, type VoicemailUrls } from './twilio-twiml.js';
export { twilioApiBaseUrl } from './twilio-client.factory.js';
export {
  TWILIO_RECONCILE_EVERY_MS,
  TWILIO_RECONCILE_JOB,
  TWILIO_RECONCILE_LOOKBACK_MS,
  TWILIO_RECONCILE_SCHEDULER,
  TWILIO_RECONCILE_SETTLE_MS,
  TWILIO_STATUS_JOB,
  type TwilioReconcileJob,
  type TwilioStatusJob,
} from './twilio-jobs.js';
