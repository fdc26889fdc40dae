import { Injectable } from '@nestjs/common';
import type { ChannelSender, DeliveryResult, OutboundMessage } from '../core/channel-adapter.js';

/**
 * Letters and walk-in visits are answered by the officer (printed letter, in person); the reply
 * is recorded on the ticket as handed over, with nothing sent electronically.
 */
@Injectable()
export class ManualDeliverySender implements ChannelSender {
  readonly via = 'manual' as const;

  isLive(): boolean {
    return true;
  }

  async send(message: OutboundMessage): Promise<DeliveryResult> {
    return { externalId: null, status: 'sent', sandbox: false, meta: { handedOverBy: 'officer', medium: message.to } };
  }
}
