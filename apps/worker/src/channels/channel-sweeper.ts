import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ChannelRegistry, InboundEventsService, OutboundDeliveryService, OutboundQueueListener } from '@app/channels';

const SWEEP_EVERY_MS = 15_000;

/**
 * Nothing stored is left behind: inbound events and outbound messages that were stored but never
 * queued (Redis was down, a process crashed) are queued again. A plain timer, not a BullMQ job,
 * because it must run exactly when Redis has been away.
 */
@Injectable()
export class ChannelSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChannelSweeper.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly inbound: InboundEventsService,
    private readonly outbound: OutboundDeliveryService,
    private readonly outboundQueue: OutboundQueueListener,
    private readonly registry: ChannelRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.registry.logStatus('worker');
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(olderThanMs?: number): Promise<{ inbound: number; outbound: number }> {
    if (this.running) return { inbound: 0, outbound: 0 };
    this.running = true;
    try {
      const inbound = await this.inbound.sweep(olderThanMs);
      const stuck = await this.outbound.stuckQueued(olderThanMs);
      for (const id of stuck) await this.outboundQueue.enqueue(id);
      if (inbound || stuck.length) this.logger.log(`re-queued ${inbound} inbound event(s) and ${stuck.length} outbound message(s)`);
      return { inbound, outbound: stuck.length };
    } catch (error) {
      this.logger.warn(`sweep failed: ${(error as Error).message}`);
      return { inbound: 0, outbound: 0 };
    } finally {
      this.running = false;
    }
  }
}
