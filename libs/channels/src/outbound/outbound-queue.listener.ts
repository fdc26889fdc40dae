import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { Queue } from 'bullmq';
import { withTimeout } from '@app/common';
import { QueueName } from '@app/queue';
import { TicketEvents, type OutboundQueuedEvent } from '@app/tickets';

export const DELIVER_JOB = 'deliver-message';

export interface DeliverJob {
  version: 1;
  messageId: string;
}

export function deliverJobId(messageId: string): string {
  return `out-${messageId}`;
}

/** Every stored outbound message is handed to the `outbound` queue; a message left queued is picked up by the sweeper. */
@Injectable()
export class OutboundQueueListener {
  private readonly logger = new Logger(OutboundQueueListener.name);

  constructor(@InjectQueue(QueueName.Outbound) private readonly queue: Queue<DeliverJob>) {}

  @OnEvent(TicketEvents.OutboundQueued, { async: true, promisify: true })
  async onOutbound(event: OutboundQueuedEvent): Promise<void> {
    await this.enqueue(event.messageId);
  }

  async enqueue(messageId: string): Promise<void> {
    try {
      await withTimeout(this.queue.add(DELIVER_JOB, { version: 1, messageId }, { jobId: deliverJobId(messageId) }), 2000);
    } catch (error) {
      this.logger.warn(`delivery of message ${messageId} not queued (${(error as Error).message}); the sweeper will retry`);
    }
  }
}
