import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/common';
import { ChannelDeliveryError, type ChannelSender, type DeliveryResult, type OutboundMessage } from '../core/channel-adapter.js';
import { sandboxDelivery } from '../core/sandbox-delivery.js';
import { toMetaChannelError, type GraphErrorBody } from './meta-errors.js';
import { metaSendDecision, type MetaSendMode } from './meta-messaging-window.js';
import type { MetaPlatform } from './meta-webhook.js';

export const GRAPH_API_VERSION = 'v25.0';

/** Longest text one Send API call takes: 2000 characters on Messenger, 1000 on Instagram [recall]; longer replies go in parts. */
const MAX_TEXT: Record<MetaPlatform, number> = { facebook: 2000, instagram: 1000 };

/**
 * Messenger / Instagram replies through the Graph Send API (`POST /v25.0/me/messages` with the page
 * token; REFERENCE §2.3). Meta's messaging window is checked here, with the facts it needs read
 * from the database (when the person last wrote, whether an officer wrote this message): within
 * 24 h a `RESPONSE`, up to 7 days an officer's reply with the `HUMAN_AGENT` tag, otherwise a
 * refusal with the reason. The rule applies in sandbox too, so the console shows what would happen.
 */
@Injectable()
export class MetaGraphSender implements ChannelSender {
  readonly via = 'social' as const;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  isLive(): boolean {
    return !!this.config.META_PAGE_ACCESS_TOKEN;
  }

  async send(message: OutboundMessage): Promise<DeliveryResult> {
    const { platform, recipient } = parseRecipient(message.to);
    const facts = await this.windowFacts(message.messageId, platform);
    const decision = metaSendDecision({ ...facts, now: new Date() });
    if (!decision.allowed) throw new ChannelDeliveryError(decision.reason, false, 'outside_window');
    const mode: MetaSendMode =
      decision.messagingType === 'RESPONSE' ? { messagingType: 'RESPONSE' } : { messagingType: 'MESSAGE_TAG', tag: decision.tag };
    const modeMeta = { messagingType: mode.messagingType, ...('tag' in mode ? { tag: mode.tag } : {}) };
    if (!this.config.META_PAGE_ACCESS_TOKEN) return { ...sandboxDelivery(), meta: modeMeta };

    const text = message.attachments.length
      ? `${message.text}\n${message.attachments.map((a) => `${a.filename}: ${a.url}`).join('\n')}`
      : message.text;
    const ids: string[] = [];
    for (const part of splitText(text, MAX_TEXT[platform])) ids.push(await this.post(recipient, mode, part));
    return { externalId: ids[0] ?? null, status: 'sent', sandbox: false, meta: { ...modeMeta, ...(ids.length > 1 ? { graphMessageIds: ids } : {}) } };
  }

  private async post(recipient: string, mode: MetaSendMode, text: string): Promise<string> {
    const url = `${this.config.META_GRAPH_BASE_URL.replace(/\/$/, '')}/${GRAPH_API_VERSION}/me/messages?access_token=${encodeURIComponent(this.config.META_PAGE_ACCESS_TOKEN ?? '')}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          recipient: { id: recipient },
          messaging_type: mode.messagingType,
          ...('tag' in mode ? { tag: mode.tag } : {}),
          message: { text },
        }),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      // Network trouble or timeout: the message may or may not have left; retried like Meta's own 5xx.
      throw new ChannelDeliveryError(`Graph API: ${(error as Error).message}`, true);
    }
    const body = (await res.json().catch(() => null)) as (GraphErrorBody & { message_id?: string }) | null;
    if (!res.ok || body?.error) throw toMetaChannelError(res.status, body);
    if (!body?.message_id) throw new ChannelDeliveryError('Graph API answered without a message_id', true);
    return body.message_id;
  }

  /** When the person last wrote to us on this platform (Meta's time when known) and whether an officer wrote this message. */
  private async windowFacts(messageId: string, platform: MetaPlatform): Promise<{ lastInboundAt: Date | null; fromOfficer: boolean }> {
    const rows: { author_user_id: string | null; last: Date | string | null }[] = await this.dataSource.query(
      `SELECT m.author_user_id,
              (SELECT max(COALESCE((i.meta->>'sentAt')::timestamptz, i.created_at))
                 FROM messages i JOIN tickets it ON it.id = i.ticket_id
                WHERE it.contact_id = t.contact_id AND i.channel = 'social' AND i.direction = 'inbound'
                  AND COALESCE(i.meta->>'platform', $2) = $2) AS last
         FROM messages m JOIN tickets t ON t.id = m.ticket_id
        WHERE m.id = $1`,
      [messageId, platform],
    );
    const row = rows[0];
    if (!row) throw new ChannelDeliveryError(`message ${messageId} was not found`, false);
    return { lastInboundAt: row.last ? new Date(row.last) : null, fromOfficer: !!row.author_user_id };
  }
}

function parseRecipient(to: string): { platform: MetaPlatform; recipient: string } {
  const m = /^(facebook|instagram):(\d{5,30})$/.exec(to);
  if (!m) throw new ChannelDeliveryError(`"${to}" is not a Messenger or Instagram recipient`, false);
  return { platform: m[1] as MetaPlatform, recipient: m[2] };
}

/** Splits text into parts of at most `max` characters, at a line break or space when there is one. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    let at = cut > max / 2 ? cut : max;
    // Never cut an emoji (a surrogate pair) in two.
    if (at === max && /[\uD800-\uDBFF]/.test(rest[at - 1])) at -= 1;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length || !parts.length) parts.push(rest);
  return parts;
}
