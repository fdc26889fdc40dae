import { ChannelDeliveryError } from '../core/channel-adapter.js';

/**
 * Twilio REST errors → our one delivery error. 429 and 5xx (and network failures) are temporary;
 * 4xx with a Twilio code (invalid number 21211, unsubscribed 21610, outside the WhatsApp window 63016…) are permanent.
 * Both the classic RestException ({status, code, message}) and the RFC 9457 TwilioServiceException
 * ({status, code, title, detail}) of twilio-node 6 are understood.
 */
export function toChannelError(error: unknown): ChannelDeliveryError {
  const e = (error ?? {}) as { status?: unknown; code?: unknown; message?: unknown; detail?: unknown; title?: unknown };
  const status = typeof e.status === 'number' ? e.status : undefined;
  const code = typeof e.code === 'number' || (typeof e.code === 'string' && /^\d+$/.test(e.code)) ? Number(e.code) || undefined : undefined;
  const reason = firstText(e.detail, e.message, e.title) ?? (status ? `HTTP ${status}` : String(error));
  const text = `Twilio${code ? ` ${code}` : ''}: ${reason}`;
  if (status === undefined || status === 429 || status >= 500) return new ChannelDeliveryError(text, true, code);
  return new ChannelDeliveryError(text, false, code);
}

function firstText(...values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === 'string' && v.trim() !== '');
}
