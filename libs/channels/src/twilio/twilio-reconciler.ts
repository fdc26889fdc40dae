import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '@app/common';
import { InboundEvent } from '../inbound/inbound-event.entity.js';
import { InboundEventsService } from '../inbound/inbound-events.service.js';
import { createTwilioClient, twilioApiBaseUrl, type TwilioClient } from './twilio-client.factory.js';
import { normalizeTwilioMessage } from './twilio-inbound.js';
import { TWILIO_RECONCILE_LOOKBACK_MS, TWILIO_RECONCILE_SETTLE_MS } from './twilio-jobs.js';
import type { TwilioParams } from './twilio-params.js';

/** Hosts besides *.twilio.com whose media URLs are fetched: the host of TWILIO_API_BASE_URL. */
export function twilioMediaHosts(config: Pick<AppConfig, 'TWILIO_API_BASE_URL'>): string[] {
  return config.TWILIO_API_BASE_URL ? [new URL(config.TWILIO_API_BASE_URL).host] : [];
}

export interface ReconcileResult {
  listed: number;
  accepted: number;
}

/**
 * Twilio does not retry an inbound SMS webhook that failed (REFERENCE §1.7): it calls the Fallback
 * URL once and gives up. This compares Twilio's own list of recent inbound messages to our numbers
 * with what we stored, and accepts the ones never seen. accept() is idempotent by MessageSid, so a
 * message that did arrive by webhook meanwhile is not stored twice.
 */
@Injectable()
export class TwilioReconciler {
  private readonly logger = new Logger(TwilioReconciler.name);
  private readonly client: TwilioClient | null;

  constructor(
    private readonly config: AppConfig,
    private readonly inbound: InboundEventsService,
    @InjectRepository(InboundEvent) private readonly events: Repository<InboundEvent>,
  ) {
    this.client = createTwilioClient(config);
  }

  /** Our numbers inbound messages are sent to. */
  numbers(): string[] {
    return [this.config.TWILIO_SMS_FROM, this.config.TWILIO_WHATSAPP_FROM].filter((n): n is string => !!n);
  }

  isLive(): boolean {
    return !!this.client && this.numbers().length > 0;
  }

  /**
   * Accepts the inbound messages of the last hour that we never stored. Messages younger than a
   * minute are left for the next run: their webhook may still be on its way, and it carries more
   * (WhatsApp ProfileName, WaId, buttons, location) than Twilio's message list.
   */
  async reconcile(options: { lookbackMs?: number; settleMs?: number; now?: Date } = {}): Promise<ReconcileResult> {
    const client = this.client;
    if (!client) return { listed: 0, accepted: 0 };
    const now = options.now ?? new Date();
    // DateSent> may be applied by the day; the exact cut-off is checked again below.
    const since = new Date(now.getTime() - (options.lookbackMs ?? TWILIO_RECONCILE_LOOKBACK_MS));
    const until = now.getTime() - (options.settleMs ?? TWILIO_RECONCILE_SETTLE_MS);
    let listed = 0;
    let accepted = 0;
    for (const to of this.numbers()) {
      const messages = await client.messages.list({ to, dateSentAfter: since, pageSize: 100, limit: 2000 });
      for (const m of messages) {
        if (m.direction !== 'inbound') continue;
        const sentAt = m.dateSent ?? m.dateCreated;
        if (sentAt && (sentAt.getTime() < since.getTime() || sentAt.getTime() > until)) continue;
        listed++;
        const channel = /^whatsapp:/i.test(m.from) ? 'whatsapp' : 'sms';
        if (await this.events.existsBy({ channel, externalId: m.sid })) continue;
        const params: TwilioParams = { MessageSid: m.sid, From: m.from, To: m.to, Body: m.body ?? '', NumMedia: '0' };
        if (Number(m.numMedia) > 0) await this.addMedia(client, m.sid, params);
        try {
          const contact = normalizeTwilioMessage(params, { mediaHosts: twilioMediaHosts(this.config), receivedAt: sentAt ?? now });
          const { duplicate } = await this.inbound.accept({ ...contact, meta: { ...contact.meta, reconciled: true } });
          if (!duplicate) {
            accepted++;
            this.logger.warn(`${channel} message ${m.sid} never reached the webhook; taken from Twilio's message list`);
          }
        } catch (error) {
          this.logger.warn(`${channel} message ${m.sid} from Twilio's list not taken: ${(error as Error).message}`);
        }
      }
    }
    return { listed, accepted };
  }

  /** The webhook's MediaUrlN / MediaContentTypeN, from the message's Media list. */
  private async addMedia(client: TwilioClient, sid: string, params: TwilioParams): Promise<void> {
    const media = await client.messages(sid).media.list({ limit: 10 });
    const base = twilioApiBaseUrl(this.config);
    media.forEach((item, i) => {
      params[`MediaUrl${i}`] = `${base}${item.uri.replace(/\.json$/, '')}`;
      params[`MediaContentType${i}`] = item.contentType;
    });
    params.NumMedia = String(media.length);
  }
}
