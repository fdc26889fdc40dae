import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { type DeliveryStatus, toDeliveryStatus } from '@app/tickets';
import { ChannelDeliveryError, type ChannelSender, type DeliveryResult, type OutboundMessage } from '../core/channel-adapter.js';
import { sandboxDelivery } from '../core/sandbox-delivery.js';
import { createTwilioClient, type TwilioClient } from './twilio-client.factory.js';
import { toChannelError } from './twilio-errors.js';

type CreateMessage = Parameters<TwilioClient['messages']['create']>[0];

/** Twilio refuses a longer Body (error 21617) for SMS and WhatsApp alike (REFERENCE §1). */
export const TWILIO_MAX_BODY_CHARS = 1600;

/**
 * Twilio answers a create with its initial status (queued, accepted or scheduled), for which it
 * never sends a callback. We record it as `sending` — handed to Twilio — so that a message with a
 * MessageSid is never `queued` again: the delivery service and the sweeper only send `queued` ones,
 * and a retried job must not send the same reply twice.
 */
export function statusAfterCreate(providerStatus: string): DeliveryStatus {
  const status = toDeliveryStatus(providerStatus);
  return status === null || status === 'queued' ? 'sending' : status;
}

/** The form fields of POST /2010-04-01/Accounts/{sid}/Messages.json for one outbound message. */
export function twilioMessageParams(message: OutboundMessage, to: string, from: string): CreateMessage {
  const params: CreateMessage = { to, from };
  if (message.statusCallbackUrl) params.statusCallback = message.statusCallbackUrl;
  if (message.template) {
    // Outside WhatsApp's 24-hour window: an approved template, no Body (REFERENCE §1.2).
    params.contentSid = message.template.contentSid;
    params.contentVariables = JSON.stringify(message.template.variables);
  } else {
    // Twilio fetches MediaUrl from a public address; our attachments need a staff session, so they are named in the text.
    params.body = message.attachments.length
      ? `${message.text}\n${message.attachments.map((a) => `${a.filename}: ${a.url}`).join('\n')}`
      : message.text;
  }
  return params;
}

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
    const from = this.from() ?? '';
    const params = twilioMessageParams(message, this.address(message.to), from);
    // Refused here, in sandbox too, with a reason the officer can act on (not Twilio's code).
    if (params.body && params.body.length > TWILIO_MAX_BODY_CHARS) {
      throw new ChannelDeliveryError(
        `the text is ${params.body.length} characters; SMS and WhatsApp carry at most ${TWILIO_MAX_BODY_CHARS}: shorten it or answer by e-mail`,
        false,
      );
    }
    if (!this.client || !from) return sandboxDelivery();
    try {
      const sent = await this.client.messages.create(params);
      return { externalId: sent.sid, status: statusAfterCreate(String(sent.status)), sandbox: false };
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
