import { type DeliveryStatus, toDeliveryStatus } from '@app/tickets';
import { param, requiredSid, TwilioRequestError, type TwilioParams } from './twilio-params.js';

/** Common delivery error codes of status callbacks, so the console shows a reason, not just a number. */
const ERROR_REASONS: Record<string, string> = {
  '21211': "the 'To' number is not a valid phone number",
  '21408': 'sending to this region is not enabled on the account',
  '21610': 'the recipient replied STOP and has opted out',
  '21614': "the 'To' number is not a mobile number",
  '30003': 'unreachable destination handset',
  '30004': 'message blocked by the recipient or carrier',
  '30005': 'unknown destination handset',
  '30006': 'landline or unreachable carrier',
  '30007': 'filtered by the carrier as spam',
  '30008': 'unknown carrier error',
  '63003': 'the recipient is not on WhatsApp',
  '63016': 'outside the WhatsApp 24-hour window: only an approved template may be sent',
  '63024': 'invalid WhatsApp recipient',
};

export interface TwilioStatusUpdate {
  messageSid: string;
  /** Twilio's word (queued, sent, delivered, read, undelivered, failed…). */
  providerStatus: string;
  /** Ours, or null for words we do not track (receiving, received…). */
  status: DeliveryStatus | null;
  errorCode?: string;
  /** The failure reason kept on the message (failed / undelivered only). */
  error?: string;
}

/** A message status callback (POST /webhooks/twilio/status) → what to record. Throws TwilioRequestError naming a missing field. */
export function parseTwilioStatusCallback(params: TwilioParams): TwilioStatusUpdate {
  const messageSid = requiredSid(params, 'MessageSid', ['SM', 'MM']);
  // SmsStatus duplicates MessageStatus (REFERENCE §1.3).
  const providerStatus = (param(params, 'MessageStatus') ?? param(params, 'SmsStatus'))?.toLowerCase();
  if (!providerStatus) throw new TwilioRequestError('MessageStatus', 'MessageStatus is required');
  const status = toDeliveryStatus(providerStatus);
  const errorCode = param(params, 'ErrorCode');
  const failed = status === 'failed' || status === 'undelivered';
  const detail = param(params, 'ErrorMessage') ?? (errorCode ? ERROR_REASONS[errorCode] : undefined);
  return {
    messageSid,
    providerStatus,
    status,
    ...(errorCode ? { errorCode } : {}),
    ...(failed ? { error: `Twilio${errorCode ? ` ${errorCode}` : ''}: ${detail ?? providerStatus}` } : {}),
  };
}
