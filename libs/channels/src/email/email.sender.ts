import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '@app/common';
import { AttachmentStore } from '@app/tickets';
import { ChannelDeliveryError, type ChannelSender, type DeliveryResult, type OutboundMessage } from '../core/channel-adapter.js';
import { sandboxDelivery } from '../core/sandbox-delivery.js';

/** E-mail out through nodemailer (SMTP_URL), from SUPPORT_EMAIL, with our own Message-ID and threading headers. */
@Injectable()
export class EmailSender implements ChannelSender, OnApplicationShutdown {
  readonly via = 'email' as const;
  private readonly transport: Transporter | null;

  constructor(
    private readonly config: AppConfig,
    private readonly store: AttachmentStore,
  ) {
    this.transport = config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : null;
  }

  isLive(): boolean {
    return !!this.transport;
  }

  async send(message: OutboundMessage): Promise<DeliveryResult> {
    const messageId = message.email?.messageId;
    if (!this.transport) return { ...sandboxDelivery(), ...(messageId ? { externalId: messageId } : {}) };
    try {
      const info = await this.transport.sendMail({
        from: { name: 'خدمة المستفيدين', address: this.config.SUPPORT_EMAIL },
        to: message.to,
        subject: message.subject ?? `[#${message.ticketNumber}]`,
        text: message.text,
        messageId,
        inReplyTo: message.email?.inReplyTo,
        references: message.email?.references,
        headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
        attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: this.store.open(a.sha256) })),
      });
      return { externalId: info.messageId ?? messageId ?? null, status: 'sent', sandbox: false };
    } catch (error) {
      const e = error as { responseCode?: number; code?: string; message?: string };
      // 5xx SMTP replies are permanent (bad address, refused); connection problems and 4xx are temporary.
      const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
      throw new ChannelDeliveryError(`SMTP: ${e.message ?? String(error)}`, !permanent, e.responseCode ?? e.code);
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
