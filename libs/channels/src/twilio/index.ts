/** Twilio (SMS, WhatsApp, voice): re-exported by the channels library's index. */
export { TwilioModule } from './twilio.module.js';
export { TwilioCallLog } from './twilio-call-log.service.js';
export { TwilioReconciler, twilioMediaHosts, type ReconcileResult } from './twilio-reconciler.js';
export { TwilioStatusService, type StatusOutcome } from './twilio-status.service.js';
export { parseTwilioStatusCallback } from './twilio-status.js';
export { callerOf, normalizeTwilioCall, normalizeTwilioMessage, normalizeTwilioRecording } from './twilio-inbound.js';
export { TwilioRequestError, type TwilioParams } from './twilio-params.js';
export { isValidTwilioSignature, signedUrl } from './twilio-signature.js';
export { emptyMessagingTwiml, goodbyeTwiml, voicemailTwiml, withheldNumberTwiml } from './twilio-twiml.js';
export { TWILIO_RECONCILE_EVERY_MS, TWILIO_RECONCILE_JOB, TWILIO_RECONCILE_SCHEDULER, TWILIO_STATUS_JOB, type TwilioStatusJob } from './twilio-jobs.js';
