import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import {
  ChannelDeliveryError,
  META_STATUSES_JOB,
  MetaWebhookService,
  OutboundDeliveryService,
  type DeliverJob,
  type DeliveryOutcome,
  type MetaStatusesJob,
} from '@app/channels';
import { QueueName } from '@app/queue';

/**
 * Queue `outbound`: deliver one stored message (temporary errors retry with backoff, then the message is marked
 * failed); apply Meta's delivery and read reports.
 */
@Processor(QueueName.Outbound, { concurrency: 8 })
export class OutboundProcessor extends WorkerHost {
  constructor(
    private readonly delivery: OutboundDeliveryService,
    private readonly meta: MetaWebhookService,
  ) {
    super();
  }

  async process(job: Job<DeliverJob | MetaStatusesJob>): Promise<DeliveryOutcome | number> {
    if (job.name === META_STATUSES_JOB) {
      const { statuses } = job.data as MetaStatusesJob;
      if (!Array.isArray(statuses)) throw new UnrecoverableError('Meta status job without statuses');
      return this.meta.applyStatuses(statuses);
    }
    const { messageId } = job.data as DeliverJob;
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
