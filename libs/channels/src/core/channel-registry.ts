import { Injectable, Logger } from '@nestjs/common';
import { type ChannelSender, DELIVERY_CHANNELS, type DeliveryChannel } from './channel-adapter.js';

export const CHANNEL_SENDERS = Symbol('CHANNEL_SENDERS');

/**
 * Every sender keyed by its delivery channel. Adding a channel is a folder with its sender plus
 * one line in ChannelsModule; start-up fails when a delivery channel has no sender or two.
 */
@Injectable()
export class ChannelRegistry {
  private readonly logger = new Logger(ChannelRegistry.name);
  private readonly senders = new Map<DeliveryChannel, ChannelSender>();

  constructor(senders: ChannelSender[]) {
    for (const sender of senders) {
      if (this.senders.has(sender.via)) throw new Error(`two senders registered for channel ${sender.via}`);
      this.senders.set(sender.via, sender);
    }
    const missing = DELIVERY_CHANNELS.filter((c) => !this.senders.has(c));
    if (missing.length) throw new Error(`no sender registered for channel(s): ${missing.join(', ')}`);
  }

  get(via: DeliveryChannel): ChannelSender {
    return this.senders.get(via) as ChannelSender;
  }

  /** live / sandbox per channel, for the start-up log and the console banner. */
  status(): Record<DeliveryChannel, 'live' | 'sandbox'> {
    return Object.fromEntries(DELIVERY_CHANNELS.map((c) => [c, c === 'manual' || this.get(c).isLive() ? 'live' : 'sandbox'])) as Record<
      DeliveryChannel,
      'live' | 'sandbox'
    >;
  }

  logStatus(app: string): void {
    const status = this.status();
    const sandboxed = Object.entries(status)
      .filter(([, s]) => s === 'sandbox')
      .map(([c]) => c);
    const live = Object.entries(status)
      .filter(([c, s]) => s === 'live' && c !== 'manual')
      .map(([c]) => c);
    this.logger.log(`[${app}] channels live: ${live.join(', ') || 'none'}; sandboxed (recorded, nothing sent): ${sandboxed.join(', ') || 'none'}`);
  }
}
