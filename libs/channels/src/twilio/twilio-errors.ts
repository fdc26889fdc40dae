import { ChannelDeliveryError } from '../core/channel-adapter.js';

/**
 * Twilio REST errors → our one delivery error. 429 and 5xx (and network failures) are temporary;
 * 4xx with a Twilio code (invalid number 21211, unsubscribed 21610, outside the WhatsApp window 63016…) are permanent.
 */
export function toChannelError(error: unknown): ChannelDeliveryError {
  const e = error as { status?: number; code?: number; message?: string; moreInfo?: string };
  const status = typeof e.status === 'number' ? e.status : undefined;
  const text = `Twilio${e.code ? ` ${e.code}` : ''}: ${e.message ?? String(error)}`;
  if (status === undefined || status === 429 || status >= 500) return new ChannelDeliveryError(text, true, e.code);
  return new ChannelDeliveryError(text, false, e.code);
}
