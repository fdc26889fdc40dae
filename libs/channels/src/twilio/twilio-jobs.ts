import type { TwilioStatusUpdate } from './twilio-status.js';

/** Jobs of the `twilio` queue (processed in the worker). */
export const TWILIO_RECONCILE_JOB = 'reconcile-inbound';
export const TWILIO_RECONCILE_SCHEDULER = 'twilio-reconcile';
export const TWILIO_STATUS_JOB = 'apply-status';

/** How often, and how far back, inbound messages are compared with Twilio's own list. */
export const TWILIO_RECONCILE_EVERY_MS = 5 * 60_000;
export const TWILIO_RECONCILE_LOOKBACK_MS = 60 * 60_000;
/** Messages younger than this are left to their webhook, which may still be on its way. */
export const TWILIO_RECONCILE_SETTLE_MS = 60_000;

export interface TwilioReconcileJob {
  version: 1;
}

/** A status callback that arrived before its message had a MessageSid stored: applied again shortly. */
export interface TwilioStatusJob {
  version: 1;
  update: TwilioStatusUpdate;
}
