import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { ChannelDeliveryError, OutboundDeliveryService, type DeliverJob, type DeliveryOutcome } from '@app/channels';
import { QueueName } from '@app/queue';

/** Queue `outbound`: deliver one stored message; temporary errors retry with backoff, then the message is marked failed. */
@Processor(QueueName.Outbound, { concurrency: 8 })
export class OutboundProcessor extends WorkerHost {
  constructor(private readonly delivery: OutboundDeliveryService) {
    super();
  }

  async process(job: Job<DeliverJob>): Promise<DeliveryOutcome> {
    const messageId = job.data?.messageId;
    if (typeof messageId !== 'string') throw new UnrecoverableError('outbound job without messageId');
    try {
      return await this.delivery.deliver(messageId);
    } catch (error) {
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (last || !(error instanceof ChannelDeliveryError)) {
        await this.delivery.giveUp(messageId, (error as Error).message);
        throw new UnrecoverableError((error as Error).message);
      }
      throw error;
    }
  }
}
