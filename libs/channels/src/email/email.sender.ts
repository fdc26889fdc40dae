import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Readable } from 'node:stream';
import { AppConfig } from '@app/common';
import { AttachmentStore } from '@app/tickets';
import { ChannelDeliveryError, type ChannelSender, type DeliveryResult, type OutboundMessage } from '../core/channel-adapter.js';
import { sandboxDelivery } from '../core/sandbox-delivery.js';

/** The display name of the support address on every mail we send. */
export const SUPPORT_DISPLAY_NAME = 'خدمة المستفيدين';

/** What nodemailer's `sendMail` is given (the subset we use). */
export interface OutgoingMail {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers: Record<string, string>;
  attachments: { filename: string; contentType: string; content: Readable }[];
}

/**
 * The mail for one outbound message: from the support address, our Message-ID and the threading
 * headers, the `[#number]` subject tag, and the files from the attachment store. Only automatic
 * messages (acknowledgements) say they are automatic (RFC 3834 `Auto-Submitted: auto-replied`)
 * and ask not to be auto-answered; an officer's reply is a person's mail and says neither.
 */
export function buildOutgoingMail(message: OutboundMessage, supportEmail: string, open: (sha256: string) => Readable): OutgoingMail {
  const tag = `[#${message.ticketNumber}]`;
  const subject = message.subject ? (message.subject.includes(tag) ? message.subject : `${tag} ${message.subject}`) : tag;
  return {
    from: { name: SUPPORT_DISPLAY_NAME, address: supportEmail },
    to: message.to,
    subject,
    text: message.text,
    ...(message.email?.messageId ? { messageId: message.email.messageId } : {}),
    ...(message.email?.inReplyTo ? { inReplyTo: message.email.inReplyTo } : {}),
    ...(message.email?.references?.length ? { references: message.email.references } : {}),
    headers: message.automatic ? { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' } : {},
    attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: open(a.sha256) })),
  };
}

/**
 * SMTP errors, classified once: a 5xx reply (except 503, a session-state error) is permanent and
 * the message fails with the server's reason; 4xx replies and connection problems are retried.
 * A missing file or a malformed envelope will not improve with retries either.
 */
export function classifySmtpError(error: unknown): ChannelDeliveryError {
  const e = (error ?? {}) as { responseCode?: number; permanent?: boolean; code?: string; message?: string; response?: string };
  const reason = e.message ?? String(error);
  if (typeof e.responseCode === 'number') {
    const permanent = e.permanent ?? (e.responseCode >= 500 && e.responseCode !== 503);
    return new ChannelDeliveryError(`SMTP ${e.responseCode}: ${reason}`, !permanent, e.responseCode);
  }
  const permanentCodes = ['ENOENT', 'EENVELOPE', 'EMESSAGE', 'ECONFIG', 'ENOAUTH'];
  const permanent = !!e.code && permanentCodes.includes(e.code);
  return new ChannelDeliveryError(`SMTP: ${reason}`, !permanent, e.code);
}

/** E-mail out through nodemailer (SMTP_URL), from SUPPORT_EMAIL, with our own Message-ID and threading headers. */
@Injectable()
export class EmailSender implements ChannelSender, OnApplicationShutdown {
  readonly via = 'email' as const;
  private readonly transport: Transporter | null;

  constructor(
    private readonly config: AppConfig,
    private readonly store: AttachmentStore,
  ) {
    // Bounded waits: a relay that stops answering fails the attempt (retried) instead of holding a worker slot.
    this.transport = config.SMTP_URL
      ? nodemailer.createTransport({ url: config.SMTP_URL, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 })
      : null;
  }

  isLive(): boolean {
    return !!this.transport;
  }

  async send(message: OutboundMessage): Promise<DeliveryResult> {
    const messageId = message.email?.messageId;
    if (!this.transport) return { ...sandboxDelivery(), ...(messageId ? { externalId: messageId } : {}) };
    const mail = buildOutgoingMail(message, this.config.SUPPORT_EMAIL, (sha256) => this.store.open(sha256));
    try {
      const info = (await this.transport.sendMail(mail)) as { messageId?: string };
      return { externalId: info.messageId ?? messageId ?? null, status: 'sent', sandbox: false };
    } catch (error) {
      throw classifySmtpError(error);
    } finally {
      // Streams of files never read (the connection failed first) are closed, not leaked.
      for (const a of mail.attachments) a.content.destroy();
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
