import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { InboundEventsService, IngestService, type IngestJob, type IngestResult } from '@app/channels';
import { DomainError } from '@app/common';
import { QueueName } from '@app/queue';

/** Queue `ingest`: one stored inbound event → a message on a ticket. */
@Processor(QueueName.Ingest, { concurrency: 4 })
export class IngestProcessor extends WorkerHost {
  private readonly logger = new Logger(IngestProcessor.name);

  constructor(
    private readonly ingest: IngestService,
    private readonly events: InboundEventsService,
  ) {
    super();
  }

  async process(job: Job<IngestJob>): Promise<IngestResult> {
    const eventId = job.data?.eventId;
    if (typeof eventId !== 'string') throw new UnrecoverableError('ingest job without eventId');
    try {
      return await this.ingest.ingestEvent(eventId, job.data.payload);
    } catch (error) {
      // Bad data (an address that is not a phone number, say) will not improve with retries.
      const permanent = error instanceof DomainError && error.code !== 'unavailable';
      const final = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.events.markAttemptFailed(eventId, (error as Error).message, final);
      if (final) this.logger.error(`inbound event ${eventId} could not be ingested: ${(error as Error).message}`);
      if (permanent) throw new UnrecoverableError((error as Error).message);
      throw error;
    }
  }
}
