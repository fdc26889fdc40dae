import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { ChannelDeliveryError, type ChannelSender, type DeliveryResult, type OutboundMessage } from '../core/channel-adapter.js';
import { sandboxDelivery } from '../core/sandbox-delivery.js';

export const GRAPH_API_VERSION = 'v25.0';

/**
 * Messenger / Instagram replies through the Graph Send API with the page token. A human
 * agent may answer for up to 7 days with the HUMAN_AGENT tag (REFERENCE §2.3).
 */
@Injectable()
export class MetaGraphSender implements ChannelSender {
  readonly via = 'social' as const;

  constructor(private readonly config: AppConfig) {}

  isLive(): boolean {
    return !!this.config.META_PAGE_ACCESS_TOKEN;
  }

  async send(message: OutboundMessage): Promise<DeliveryResult> {
    if (!this.config.META_PAGE_ACCESS_TOKEN) return sandboxDelivery();
    const recipient = message.to.split(':')[1] ?? message.to;
    const url = `${this.config.META_GRAPH_BASE_URL.replace(/\/$/, '')}/${GRAPH_API_VERSION}/me/messages?access_token=${encodeURIComponent(this.config.META_PAGE_ACCESS_TOKEN)}`;
    const text = message.attachments.length ? `${message.text}\n${message.attachments.map((a) => `${a.filename}: ${a.url}`).join('\n')}` : message.text;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ recipient: { id: recipient }, messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', message: { text } }),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new ChannelDeliveryError(`Graph API: ${(error as Error).message}`, true);
    }
    const body = (await res.json().catch(() => ({}))) as { message_id?: string; error?: { message?: string; code?: number } };
    if (!res.ok) {
      const retryable = res.status >= 500 || res.status === 429 || body.error?.code === 2;
      throw new ChannelDeliveryError(`Graph API ${res.status}: ${body.error?.message ?? 'error'}`, retryable, body.error?.code);
    }
    return { externalId: body.message_id ?? null, status: 'sent', sandbox: false };
  }
}
