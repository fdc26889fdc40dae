import { createHash } from 'node:crypto';
import type { AddressObject, HeaderValue, ParsedMail, StructuredHeader } from 'mailparser';
import sanitizeHtml from 'sanitize-html';
import { normalizeEmailAddress } from '@app/common';
import { sanitizeMessageHtml } from '@app/tickets';
import type { InboundAttachment, InboundContact, ThreadHints } from '../core/channel-adapter.js';
import { subjectTicketNumber } from '../ingest/threading.js';

/** One received e-mail as the SMTP listener or the IMAP poller got it. */
export interface ReceivedEmail {
  /** What `simpleParser` made of the raw message. */
  parsed: ParsedMail;
  /** The raw message (its SHA-256 is the external id when the mail has no Message-ID). */
  raw: Buffer;
  /**
   * The envelope sender (SMTP `MAIL FROM`): `''` for the null sender `<>` (bounces), `undefined`
   * when unknown (IMAP has no envelope).
   */
  envelopeFrom?: string;
  /** Where it came from, kept on the message. */
  source: 'smtp' | 'imap';
  receivedAt: Date;
}

/** A Message-ID longer than this is not used as the external id (the unique index has a size limit). */
const MAX_MESSAGE_ID_LENGTH = 500;
const MAX_REFERENCES = 50;
const MESSAGE_ID = /<[^<>\s]+>/g;

/**
 * Turns a parsed e-mail into the one inbound shape every channel uses. Pure: no I/O, so the
 * decisions (who wrote, which ticket it may belong to, whether a machine wrote it) are unit-tested.
 */
export function normalizeInboundEmail(mail: ReceivedEmail, settings: { supportEmail: string }): InboundContact {
  const { parsed } = mail;
  const sender = firstAddress(parsed.from);
  const fromHeader = sender?.address ? normalizeEmailAddress(sender.address) : null;
  const fromEnvelope = mail.envelopeFrom ? normalizeEmailAddress(mail.envelopeFrom) : null;
  // A From header we cannot read falls back to the envelope; with neither, ingestion fails the event visibly.
  const address = fromHeader ?? fromEnvelope ?? (sender?.address?.trim() || mail.envelopeFrom?.trim() || '');
  const messageId = cleanMessageId(parsed.messageId);
  const html = typeof parsed.html === 'string' ? sanitizeMessageHtml(parsed.html).trim() : '';
  const text = (parsed.text ?? '').trim() || (html ? htmlToText(html) : '');
  const subject = parsed.subject?.trim() || undefined;
  const number = subjectTicketNumber(subject);
  const automated = automatedReason(mail, address, settings.supportEmail);

  const threadHints: ThreadHints = { ...threadIds(parsed), ...(messageId ? { messageId } : {}), ...(number ? { subjectTicketNumber: number } : {}) };
  return {
    channel: 'email',
    externalId: messageId ?? `sha256:${createHash('sha256').update(mail.raw).digest('hex')}`,
    // The display name belongs to the From address; it is not kept when the envelope stood in.
    from: { kind: 'email', address, ...(fromHeader && sender?.name?.trim() ? { name: sender.name.trim() } : {}) },
    to: settings.supportEmail,
    ...(subject ? { subject } : {}),
    text,
    ...(html ? { html } : {}),
    attachments: attachmentsOf(parsed, !!html),
    threadHints,
    receivedAt: mail.receivedAt.toISOString(),
    ...(automated ? { automated: { reason: automated } } : {}),
    meta: { emailSource: mail.source, ...(parsed.date && !Number.isNaN(parsed.date.getTime()) ? { emailDate: parsed.date.toISOString() } : {}) },
  };
}

/**
 * Why this mail was written by a machine (auto-reply, bounce, read receipt, mailing list, our own
 * mail coming back), or null for a person. Such mail is stored, never opens a ticket, never answered
 * (RFC 3834, RFC 3464, REFERENCE §3.2).
 */
function automatedReason(mail: Pick<ReceivedEmail, 'parsed' | 'envelopeFrom'>, senderAddress: string, supportEmail: string): string | null {
  const { parsed } = mail;
  const own = normalizeEmailAddress(supportEmail);
  if (own && normalizeEmailAddress(senderAddress) === own) return 'sent from our own support address (mail loop)';

  const autoSubmitted = headerText(parsed, 'auto-submitted');
  if (autoSubmitted && !/^no\b/i.test(autoSubmitted)) return `Auto-Submitted: ${autoSubmitted}`;
  for (const name of ['x-autoreply', 'x-autorespond']) {
    const value = headerText(parsed, name);
    if (value !== undefined && !/^(no|false)$/i.test(value)) return `${name}: ${value}`;
  }
  const precedence = headerText(parsed, 'precedence');
  if (precedence && /^(bulk|junk|list|auto_reply)$/i.test(precedence)) return `Precedence: ${precedence}`;
  if (hasHeader(parsed, 'list-id')) return 'mailing list (List-Id)';

  if (mail.envelopeFrom === '') return 'bounce (null envelope sender MAIL FROM:<>)';
  const returnPath = rawHeader(parsed, 'return-path');
  if (returnPath !== undefined && /^<\s*>$/.test(returnPath)) return 'bounce (Return-Path: <>)';

  const contentType = parsed.headers.get('content-type');
  if (isStructured(contentType) && contentType.value.toLowerCase() === 'multipart/report') {
    const report = (contentType.params['report-type'] ?? '').toLowerCase();
    if (report === 'delivery-status') return 'delivery status notification (multipart/report)';
    if (report === 'disposition-notification') return 'read receipt (multipart/report)';
    return `report (multipart/report; report-type=${report || 'unknown'})`;
  }

  const local = (address: string | undefined) => address?.trim().toLowerCase().split('@')[0];
  for (const candidate of [local(senderAddress), local(mail.envelopeFrom)]) {
    if (candidate === 'mailer-daemon' || candidate === 'postmaster') return `sent by ${candidate}`;
  }
  return null;
}

/** In-Reply-To and References as lists of `<id>`; mailparser gives References as a string for one id and an array for more. */
function threadIds(parsed: ParsedMail): Pick<ThreadHints, 'inReplyTo' | 'references'> {
  const inReplyTo = idsIn(parsed.inReplyTo);
  const references = idsIn(parsed.references);
  // A second id in In-Reply-To (some clients) is kept as a reference.
  for (const extra of inReplyTo.slice(1)) if (!references.includes(extra)) references.push(extra);
  return {
    ...(inReplyTo[0] ? { inReplyTo: inReplyTo[0] } : {}),
    ...(references.length ? { references: references.slice(-MAX_REFERENCES) } : {}),
  };
}

function idsIn(value: string | string[] | undefined): string[] {
  const joined = (Array.isArray(value) ? value : value ? [value] : []).join(' ');
  const bracketed = joined.match(MESSAGE_ID);
  const ids =
    bracketed ??
    joined
      .split(/\s+/)
      .filter((s) => s.includes('@'))
      .map((s) => `<${s.replace(/[<>]/g, '')}>`);
  return [...new Set(ids.filter((id) => id.length <= MAX_MESSAGE_ID_LENGTH))];
}

function cleanMessageId(value: string | undefined): string | undefined {
  const id = idsIn(value)[0];
  return id && id.length <= MAX_MESSAGE_ID_LENGTH ? id : undefined;
}

/**
 * Attachments as base64 parts. Images that the HTML shows inline (mailparser turned their `cid:`
 * links into data URIs) are already in the stored HTML, so they are not stored twice.
 */
function attachmentsOf(parsed: ParsedMail, hasHtml: boolean): InboundAttachment[] {
  return parsed.attachments
    .filter((a) => !(hasHtml && a.related && a.contentType.startsWith('image/')))
    .map((a, i) => ({
      filename: a.filename?.trim() || `attachment-${i + 1}`,
      contentType: a.contentType,
      contentBase64: a.content.toString('base64'),
    }));
}

function firstAddress(value: AddressObject | undefined): { address?: string; name?: string } | undefined {
  const first = value?.value[0];
  if (!first) return undefined;
  // A group ("Team: a@x, b@x;") names its members inside.
  return first.address !== undefined || !first.group?.length ? first : first.group[0];
}

function htmlToText(html: string): string {
  const spaced = html.replace(/<(br|\/p|\/div|\/li|\/tr|\/h[1-4])\b[^>]*>/gi, (tag) => `${tag}\n`);
  const text = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' })[e] ?? '');
}

/** The unfolded value of the last occurrence of a header, as written. */
function rawHeader(parsed: ParsedMail, name: string): string | undefined {
  const lines = parsed.headerLines.filter((h) => h.key === name);
  const line = lines[lines.length - 1]?.line;
  if (line === undefined) return undefined;
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

function hasHeader(parsed: ParsedMail, name: string): boolean {
  return parsed.headerLines.some((h) => h.key === name);
}

/** A header as text: mailparser's decoded string value when it has one, the raw value otherwise. */
function headerText(parsed: ParsedMail, name: string): string | undefined {
  const value: HeaderValue | undefined = parsed.headers.get(name);
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value) && typeof value[value.length - 1] === 'string') return String(value[value.length - 1]).trim();
  return rawHeader(parsed, name);
}

function isStructured(value: HeaderValue | undefined): value is StructuredHeader {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && 'value' in value && 'params' in value;
}
