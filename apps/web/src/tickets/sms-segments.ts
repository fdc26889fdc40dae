/**
 * How many SMS an outgoing text costs. GSM-7 (Latin text) fits 160 characters in one message and
 * 153 per part when split; any character outside GSM-7 (Arabic, emoji) makes the whole message
 * UCS-2: 70 in one, 67 per part. Characters of the GSM-7 extension table ({ } [ ] ~ \ | ^ € and
 * form feed) take two places; in UCS-2 a character outside the basic plane (most emoji) takes two.
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '\f^{}\\[~]|€';
const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

/** Twilio refuses a longer body for SMS and WhatsApp (the server refuses it too, before sending). */
export const MAX_TEXT_MESSAGE_CHARS = 1600;

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsCount {
  encoding: SmsEncoding;
  /** Places used (GSM-7 septets, or UCS-2 code units). */
  units: number;
  /** Messages the text is sent as (0 for an empty text). */
  segments: number;
  /** Places per message at this length: 160/153 or 70/67. */
  perSegment: number;
  /** Places left in the last message. */
  remaining: number;
}

export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text) if (!BASIC.has(ch) && !EXTENDED.has(ch)) return 'UCS-2';
  return 'GSM-7';
}

export function countSms(text: string): SmsCount {
  const encoding = smsEncoding(text);
  let units = 0;
  if (encoding === 'GSM-7') for (const ch of text) units += EXTENDED.has(ch) ? 2 : 1;
  else units = text.length; // UTF-16 code units: a surrogate pair is two
  const single = encoding === 'GSM-7' ? 160 : 70;
  const multi = encoding === 'GSM-7' ? 153 : 67;
  if (units === 0) return { encoding, units, segments: 0, perSegment: single, remaining: single };
  if (units <= single) return { encoding, units, segments: 1, perSegment: single, remaining: single - units };
  const segments = Math.ceil(units / multi);
  return { encoding, units, segments, perSegment: multi, remaining: segments * multi - units };
}
