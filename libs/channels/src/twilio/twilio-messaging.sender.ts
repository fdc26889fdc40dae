import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/common';
import type { ChannelSender, DeliveryResult, OutboundMessage } from '../core/channel-adapter.js';
import { sandboxDelivery } from '../core/sandbox-delivery.js';
import { toDeliveryStatus } from '@app/tickets';
import { createTwilioClient, type TwilioClient } from './twilio-client.factory.js';
import { toChannelError } from './twilio-errors.js';

/** SMS and WhatsApp through Twilio's Messages API; one class, two registered senders. */
abstract class TwilioMessagingSender implements ChannelSender {
  abstract readonly via: 'sms' | 'whatsapp';
  private readonly client: TwilioClient | null;

  constructor(protected readonly config: AppConfig) {
    this.client = createTwilioClient(config);
  }

  protected abstract from(): string | undefined;
  protected abstract address(e164: string): string;

  isLive(): boolean {
    return !!this.client && !!this.from();
  }

  async send(message: OutboundMessage): Promise<DeliveryResult> {
    if (!this.client || !this.from()) return sandboxDelivery();
    const params: Record<string, unknown> = {
      to: this.address(message.to),
      from: this.from(),
      statusCallback: message.statusCallbackUrl,
    };
    if (message.template) {
      params.contentSid = message.template.contentSid;
      params.contentVariables = JSON.stringify(message.template.variables);
    } else {
      params.body = message.text;
      // Twilio fetches media from a public URL; attachments are listed as links in the text instead.
      if (message.attachments.length) params.body = `${message.text}\n${message.attachments.map((a) => `${a.filename}: ${a.url}`).join('\n')}`;
    }
    try {
      const sent = await this.client.messages.create(params as never);
      return { externalId: sent.sid, status: toDeliveryStatus(String(sent.status)) ?? 'queued', sandbox: false };
    } catch (error) {
      throw toChannelError(error);
    }
  }
}

@Injectable()
export class TwilioSmsSender extends TwilioMessagingSender {
  readonly via = 'sms' as const;

  constructor(config: AppConfig) {
    super(config);
  }

  protected from(): string | undefined {
    return this.config.TWILIO_SMS_FROM;
  }

  protected address(e164: string): string {
    return e164;
  }
}

@Injectable()
export class TwilioWhatsAppSender extends TwilioMessagingSender {
  readonly via = 'whatsapp' as const;

  constructor(config: AppConfig) {
    super(config);
  }

  protected from(): string | undefined {
    return this.config.TWILIO_WHATSAPP_FROM;
  }

  protected address(e164: string): string {
    return `whatsapp:${e164}`;
  }
}
