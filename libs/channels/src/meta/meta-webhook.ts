import type { InboundAttachment, InboundContact } from '../core/channel-adapter.js';

export type MetaPlatform = 'facebook' | 'instagram';

/** A `delivery` or `read` event: the person's app reports that our messages reached them. */
export interface MetaStatusEvent {
  platform: MetaPlatform;
  status: 'delivered' | 'read';
  /** The person (PSID / IGSID) whose app reports it. */
  userId: string;
  pageId: string;
  /** Our messages named in the event (delivery.mids, Instagram read.mid). */
  mids: string[];
  /** Every message we sent to this person up to this time (ms) has reached the status. */
  watermark: number | null;
}

export interface ParsedMetaWebhook {
  messages: InboundContact[];
  statuses: MetaStatusEvent[];
  /** Events deliberately not turned into anything (echoes of our own messages, reactions…), for the log. */
  skipped: { reason: string; mid?: string }[];
}

type Json = Record<string, unknown>;

/** Files the worker fetches and stores on the message; other attachment types are links. */
const FILE_TYPES = new Set(['image', 'audio', 'video', 'file']);
const DEFAULT_TYPE: Record<string, string> = { image: 'image/jpeg', audio: 'audio/mp4', video: 'video/mp4', file: 'application/pdf' };
const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  mp4: 'video/mp4',
  m4a: 'audio/mp4',
  aac: 'audio/mp4',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  pdf: 'application/pdf',
  txt: 'text/plain',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
/** Page-scoped and Instagram-scoped ids are numeric strings (the contacts library checks the same). */
const SCOPED_ID = /^\d{5,30}$/;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : undefined);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

/**
 * A Messenger / Instagram webhook POST (REFERENCE §2.2) → what we do with it. One POST may carry
 * several entries, each with several `messaging[]` (or `standby[]`) events; every message with a
 * `mid` becomes one InboundContact (the mid is its external id, so a repeated delivery creates
 * nothing), `delivery`/`read` events become status events, and echoes of the page's own messages
 * are skipped. Pure: no I/O, never throws on an odd shape.
 */
export function parseMetaWebhook(body: unknown, now: Date = new Date()): ParsedMetaWebhook {
  const out: ParsedMetaWebhook = { messages: [], statuses: [], skipped: [] };
  if (!isObject(body) || (body.object !== 'page' && body.object !== 'instagram')) {
    out.skipped.push({ reason: `object ${isObject(body) ? String(body.object) : typeof body} is not Messenger or Instagram` });
    return out;
  }
  const platform: MetaPlatform = body.object === 'instagram' ? 'instagram' : 'facebook';
  for (const entry of list(body.entry)) {
    const pageId = str(entry.id) ?? '';
    for (const event of [...list(entry.messaging), ...list(entry.standby)]) {
      const userId = str(isObject(event.sender) ? event.sender.id : undefined) ?? '';
      const at = toDate(event.timestamp, now);
      if (isObject(event.message)) {
        const message = event.message;
        const mid = str(message.mid);
        if (message.is_echo === true) out.skipped.push({ reason: 'echo of a message the page sent', mid });
        else if (message.is_deleted === true) out.skipped.push({ reason: 'the person deleted the message', mid });
        else if (!mid) out.skipped.push({ reason: 'message without mid' });
        else if (!SCOPED_ID.test(userId)) out.skipped.push({ reason: `sender id "${userId}" is not a scoped id`, mid });
        else out.messages.push(toInbound(platform, pageId, event, message, mid, userId, at));
      } else if (isObject(event.postback)) {
        // A button the person tapped: its title is what they "said".
        const mid = str(event.postback.mid);
        if (!mid || !SCOPED_ID.test(userId)) out.skipped.push({ reason: 'postback without mid or sender', mid });
        else
          out.messages.push(
            toInbound(
              platform,
              pageId,
              event,
              { text: str(event.postback.title) ?? str(event.postback.payload) ?? '' },
              mid,
              userId,
              at,
              str(event.postback.payload),
            ),
          );
      } else if (isObject(event.delivery) || isObject(event.read)) {
        const status = isObject(event.read) ? 'read' : 'delivered';
        const detail = (event.read ?? event.delivery) as Json;
        const mids = [...(Array.isArray(detail.mids) ? detail.mids : []), detail.mid].map(str).filter((m): m is string => !!m);
        const watermark = typeof detail.watermark === 'number' && detail.watermark > 0 ? detail.watermark : null;
        if (!userId || (!mids.length && watermark === null)) out.skipped.push({ reason: `${status} event without mids or watermark` });
        else out.statuses.push({ platform, status, userId, pageId, mids, watermark });
      } else {
        out.skipped.push({
          reason: `event ${
            Object.keys(event)
              .filter((k) => !['sender', 'recipient', 'timestamp'].includes(k))
              .join(',') || 'empty'
          } is not handled`,
        });
      }
    }
  }
  return out;
}

function toInbound(
  platform: MetaPlatform,
  pageId: string,
  event: Json,
  message: Json,
  mid: string,
  userId: string,
  at: Date,
  postbackPayload?: string,
): InboundContact {
  const attachments: InboundAttachment[] = [];
  const links: { type: string; url: string; title?: string }[] = [];
  list(message.attachments).forEach((a, i) => {
    const type = str(a.type) ?? 'file';
    const url = isObject(a.payload) ? str(a.payload.url) : undefined;
    if (!url || !/^https?:\/\//i.test(url)) return;
    if (FILE_TYPES.has(type)) attachments.push({ ...fileOf(url, type, i), url });
    else links.push({ type, url, ...(str(a.title) ? { title: str(a.title) } : {}) });
  });
  const replyTo = isObject(message.reply_to) ? message.reply_to : undefined;
  const storyUrl = replyTo && isObject(replyTo.story) ? str(replyTo.story.url) : undefined;
  const written = typeof message.text === 'string' ? message.text : '';
  // Shared links and story replies have no file to fetch; officers see them in the text.
  const text = [written, ...links.map((l) => `${l.title ? `${l.title}: ` : ''}${l.url}`)].filter(Boolean).join('\n');
  const recipientId = isObject(event.recipient) ? str(event.recipient.id) : undefined;
  const quick = isObject(message.quick_reply) ? str(message.quick_reply.payload) : undefined;
  return {
    channel: 'social',
    externalId: mid,
    from: { kind: platform, address: userId },
    ...(pageId || recipientId ? { to: pageId || recipientId } : {}),
    text,
    attachments,
    threadHints: {},
    receivedAt: at.toISOString(),
    meta: {
      platform,
      pageId: pageId || recipientId || null,
      // When the person wrote (Meta's clock): the messaging window counts from here.
      sentAt: at.toISOString(),
      ...(quick ? { quickReplyPayload: quick } : {}),
      ...(replyTo && str(replyTo.mid) ? { replyToMid: str(replyTo.mid) } : {}),
      ...(storyUrl ? { replyToStory: storyUrl } : {}),
      ...(postbackPayload ? { postbackPayload } : {}),
      ...(links.length ? { links } : {}),
    },
  };
}

function fileOf(url: string, type: string, index: number): { filename: string; contentType: string } {
  const name = lastPathSegment(url);
  const ext = /\.([a-z0-9]{2,5})$/i.exec(name)?.[1]?.toLowerCase();
  const contentType = (ext && BY_EXTENSION[ext]) || DEFAULT_TYPE[type] || 'application/octet-stream';
  const filename = ext && BY_EXTENSION[ext] ? name.slice(-120) : `${type}-${index + 1}.${extensionOf(contentType)}`;
  return { filename, contentType };
}

function lastPathSegment(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    return '';
  }
}

function extensionOf(contentType: string): string {
  return Object.entries(BY_EXTENSION).find(([, t]) => t === contentType)?.[0] ?? 'bin';
}

function toDate(value: unknown, fallback: Date): Date {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  const d = new Date(n);
  return Number.isFinite(n) && n > 0 && !Number.isNaN(d.getTime()) ? d : fallback;
}
