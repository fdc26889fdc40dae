import { normalizePhoneNumber } from '@app/common';
import type { InboundAttachment, InboundContact } from '../core/channel-adapter.js';
import { param, pickParams, requiredParam, requiredSid, TwilioRequestError, type TwilioParams } from './twilio-params.js';

/** Twilio sends at most 10 media files per message (REFERENCE §1.1). */
const MAX_MEDIA = 10;

/**
 * Unambiguous SMS keywords Twilio's opt-out handling answers itself. Words that are also ordinary
 * replies (YES, CANCEL, END, HELP…) count only when Twilio marks them with OptOutType.
 */
const OPT_OUT_KEYWORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'UNSTOP']);
const OPT_OUT_TYPES = new Set(['STOP', 'START']);

const INCOMING_CALL_TEXT = 'مكالمة واردة';

export interface TwilioInboundOptions {
  /**
   * Hosts besides *.twilio.com whose media URLs the worker may fetch (TWILIO_API_BASE_URL's host).
   * Any other URL is dropped: without a signature check (sandbox) anyone could post a MediaUrl,
   * and the worker must not fetch arbitrary addresses on their behalf.
   */
  mediaHosts?: string[];
  receivedAt?: Date;
}

/** True for a URL the worker may fetch as Twilio media: https on *.twilio.com, or a configured host. */
export function isTwilioMediaUrl(url: string, extraHosts: string[] = []): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (extraHosts.includes(parsed.host) && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) return true;
  return parsed.protocol === 'https:' && (parsed.hostname === 'api.twilio.com' || parsed.hostname.endsWith('.twilio.com'));
}

/** The E.164 number of a Twilio address (`+9665…`, `whatsapp:+9665…`), or of a WhatsApp WaId (`9665…`). */
function phoneOf(address: string | undefined, waId: string | undefined): string | null {
  return (address ? normalizePhoneNumber(address) : null) ?? (waId && /^\d{6,15}$/.test(waId) ? normalizePhoneNumber(`+${waId}`) : null);
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'audio/mpeg': 'mp3',
  'audio/ogg': 'ogg',
  'audio/amr': 'amr',
  'audio/mp4': 'm4a',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'video/mp4': 'mp4',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'text/vcard': 'vcf',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

export function mediaFilename(sid: string, index: number, contentType: string): string {
  const ext = EXTENSIONS[contentType.split(';')[0].trim().toLowerCase()] ?? 'bin';
  return `${sid}-${index + 1}.${ext}`;
}

/**
 * An inbound SMS or WhatsApp message webhook (POST /webhooks/twilio/messaging) → InboundContact.
 * Pure: throws TwilioRequestError naming the field when MessageSid or From is missing or unusable.
 */
export function normalizeTwilioMessage(params: TwilioParams, options: TwilioInboundOptions = {}): InboundContact {
  const sid = requiredSid(params, 'MessageSid', ['SM', 'MM']);
  const rawFrom = requiredParam(params, 'From');
  const whatsapp = /^whatsapp:/i.test(rawFrom);
  const waId = param(params, 'WaId');
  const address = phoneOf(rawFrom, whatsapp ? waId : undefined);
  if (!address) throw new TwilioRequestError('From', `From ${rawFrom} is not a phone number`);

  const attachments: InboundAttachment[] = [];
  const droppedMedia: string[] = [];
  const count = Math.min(Number.parseInt(param(params, 'NumMedia') ?? '0', 10) || 0, MAX_MEDIA);
  for (let i = 0; i < count; i++) {
    const url = param(params, `MediaUrl${i}`);
    if (!url) continue;
    if (!isTwilioMediaUrl(url, options.mediaHosts)) {
      droppedMedia.push(url.slice(0, 200));
      continue;
    }
    const contentType = param(params, `MediaContentType${i}`) ?? 'application/octet-stream';
    attachments.push({ url, contentType, filename: mediaFilename(sid, i, contentType) });
  }

  const body = param(params, 'Body') ?? '';
  const latitude = param(params, 'Latitude');
  const longitude = param(params, 'Longitude');
  const location = latitude && longitude ? { latitude, longitude, ...pickParams(params, { Address: 'address', Label: 'label' }) } : undefined;
  const profileName = param(params, 'ProfileName');
  const optOutType = param(params, 'OptOutType')?.toUpperCase();
  const optOut =
    optOutType && OPT_OUT_TYPES.has(optOutType) ? optOutType : !whatsapp && OPT_OUT_KEYWORDS.has(body.toUpperCase()) ? body.toUpperCase() : undefined;

  const meta: Record<string, unknown> = {
    provider: 'twilio',
    ...pickParams(params, {
      To: 'to',
      WaId: 'waId',
      ProfileName: 'profileName',
      MessageType: 'messageType',
      ButtonText: 'buttonText',
      ButtonPayload: 'buttonPayload',
      OriginalRepliedMessageSid: 'repliedToSid',
      Forwarded: 'forwarded',
      FrequentlyForwarded: 'frequentlyForwarded',
      ReferralSourceUrl: 'referralSourceUrl',
      NumSegments: 'numSegments',
      FromCountry: 'fromCountry',
    }),
    ...(location ? { location } : {}),
    ...(droppedMedia.length ? { droppedMedia } : {}),
    ...(optOut ? { optOut } : {}),
  };

  return {
    channel: whatsapp ? 'whatsapp' : 'sms',
    externalId: sid,
    from: { kind: 'phone', address, ...(profileName ? { name: profileName } : {}) },
    to: param(params, 'To'),
    text: body || (location ? locationText(location) : ''),
    attachments,
    threadHints: {},
    receivedAt: (options.receivedAt ?? new Date()).toISOString(),
    // STOP / START are handled by Twilio itself; an acknowledgement to a STOP would only be refused (21610).
    ...(optOut ? { automated: { reason: `opt-out keyword ${optOut}` } } : {}),
    meta,
  };
}

function locationText(location: { latitude: string; longitude: string; address?: string; label?: string }): string {
  const place = [location.label, location.address].filter(Boolean).join('، ');
  return `📍 ${place ? `${place} ` : ''}(${location.latitude}, ${location.longitude})`;
}

/** The caller of an incoming call, or null when the number is withheld ("anonymous", "+266696687"…). */
export function callerOf(params: TwilioParams): string | null {
  const from = param(params, 'From');
  return from ? normalizePhoneNumber(from) : null;
}

/**
 * An incoming call (POST /webhooks/twilio/voice) → InboundContact on the phone channel, so the call
 * is logged on a ticket. Throws TwilioRequestError for a missing CallSid or a withheld number.
 */
export function normalizeTwilioCall(params: TwilioParams, options: TwilioInboundOptions = {}): InboundContact {
  const sid = requiredSid(params, 'CallSid', ['CA']);
  const rawFrom = requiredParam(params, 'From');
  const address = callerOf(params);
  if (!address) throw new TwilioRequestError('From', `From ${rawFrom} is not a phone number`);
  const callerName = param(params, 'CallerName');
  return {
    channel: 'phone',
    externalId: sid,
    from: { kind: 'phone', address, ...(callerName ? { name: callerName } : {}) },
    to: param(params, 'To'),
    text: INCOMING_CALL_TEXT,
    attachments: [],
    threadHints: {},
    receivedAt: (options.receivedAt ?? new Date()).toISOString(),
    meta: {
      provider: 'twilio',
      kind: 'call',
      callSid: sid,
      ...pickParams(params, {
        To: 'to',
        CallStatus: 'callStatus',
        Direction: 'direction',
        ForwardedFrom: 'forwardedFrom',
        CallerName: 'callerName',
        FromCountry: 'fromCountry',
      }),
    },
  };
}

/**
 * A recording status callback (POST /webhooks/twilio/voice/recording) → the voicemail as its own
 * inbound message on the phone channel, from the caller of the call it belongs to, with the MP3
 * as an attachment the worker fetches. Returns null for callbacks that carry no recording yet
 * (in-progress, absent, failed).
 */
export function normalizeTwilioRecording(
  params: TwilioParams,
  caller: { address: string; name?: string } | null,
  options: TwilioInboundOptions = {},
): InboundContact | null {
  const sid = requiredSid(params, 'RecordingSid', ['RE']);
  const callSid = requiredSid(params, 'CallSid', ['CA']);
  const status = param(params, 'RecordingStatus');
  if (status && status !== 'completed') return null;
  const recordingUrl = requiredParam(params, 'RecordingUrl');
  if (!isTwilioMediaUrl(recordingUrl, options.mediaHosts)) throw new TwilioRequestError('RecordingUrl', 'RecordingUrl must be a Twilio URL');
  // The callback names the call, not the caller: the caller comes from the logged call (or From when given).
  const from = caller ?? (callerOf(params) ? { address: callerOf(params) as string } : null);
  if (!from) throw new TwilioRequestError('From', `From is required: call ${callSid} was never logged`);
  const duration = Number.parseInt(param(params, 'RecordingDuration') ?? '', 10);
  const seconds = Number.isFinite(duration) && duration >= 0 ? duration : null;
  // Appending .mp3 to a recording's URL returns it as audio/mpeg (Twilio Recording resource).
  const mp3 = `${recordingUrl.replace(/\.(mp3|wav|json)$/i, '')}.mp3`;
  return {
    channel: 'phone',
    externalId: sid,
    from: { kind: 'phone', address: from.address, ...(from.name ? { name: from.name } : {}) },
    text: seconds === null ? 'رسالة صوتية' : `رسالة صوتية (${seconds} ثانية)`,
    attachments: [{ url: mp3, contentType: 'audio/mpeg', filename: `voicemail-${sid}.mp3` }],
    threadHints: {},
    receivedAt: (options.receivedAt ?? new Date()).toISOString(),
    meta: {
      provider: 'twilio',
      kind: 'voicemail',
      callSid,
      recordingSid: sid,
      recordingUrl,
      ...(seconds !== null ? { recordingDuration: seconds } : {}),
    },
  };
}
