import { Injectable, Logger } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { InboundEventsService, normalizeInboundEmail } from '@app/channels';
import { AppConfig } from '@app/common';

export interface MailIntakeResult {
  eventId: string;
  duplicate: boolean;
  /** Why the mail was stored as ignored (auto-reply, bounce, list), or null. */
  automated: string | null;
}

/**
 * One received e-mail, from the SMTP listener or the IMAP poller: parse, normalise, store as an
 * inbound event. Resolves only once the event row exists; a rejection means nothing was stored
 * and the caller must let the mail be delivered again (451 / leave it unseen).
 */
@Injectable()
export class MailIntakeService {
  private readonly logger = new Logger(MailIntakeService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly events: InboundEventsService,
  ) {}

  async receive(raw: Buffer, source: 'smtp' | 'imap', envelopeFrom?: string): Promise<MailIntakeResult> {
    const parsed = await simpleParser(raw);
    const inbound = normalizeInboundEmail({ parsed, raw, envelopeFrom, source, receivedAt: new Date() }, { supportEmail: this.config.SUPPORT_EMAIL });
    const { event, duplicate } = await this.events.accept(inbound);
    const automated = inbound.automated?.reason ?? null;
    // The event id only: addresses and content stay out of the logs.
    this.logger.log(
      `${source} mail stored as inbound event ${event.id}${duplicate ? ' (repeat delivery, nothing new)' : ''}${automated ? ` — ignored: ${automated}` : ''}`,
    );
    return { eventId: event.id, duplicate, automated };
  }
}
