import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import {
  TWILIO_RECONCILE_EVERY_MS,
  TWILIO_RECONCILE_JOB,
  TWILIO_RECONCILE_SCHEDULER,
  TWILIO_STATUS_JOB,
  TwilioReconciler,
  TwilioStatusService,
  type ReconcileResult,
  type StatusOutcome,
  type TwilioStatusJob,
} from '@app/channels';
import { QueueName } from '@app/queue';

/**
 * Queue `twilio`: status callbacks that arrived before their MessageSid was stored, and the
 * periodic reconciliation of inbound messages whose webhook never reached us.
 */
@Processor(QueueName.Twilio)
export class TwilioProcessor extends WorkerHost {
  private readonly logger = new Logger(TwilioProcessor.name);

  constructor(
    private readonly statuses: TwilioStatusService,
    private readonly reconciler: TwilioReconciler,
  ) {
    super();
  }

  async process(job: Job): Promise<ReconcileResult | StatusOutcome> {
    switch (job.name) {
      case TWILIO_RECONCILE_JOB:
        return this.reconciler.reconcile();
      case TWILIO_STATUS_JOB: {
        const update = (job.data as TwilioStatusJob | undefined)?.update;
        if (!update?.messageSid) throw new UnrecoverableError('status job without a MessageSid');
        const outcome = await this.statuses.apply(update);
        if (outcome !== 'unknown') return outcome;
        const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (last) {
          this.logger.warn(`status ${update.providerStatus} of ${update.messageSid} dropped: no outbound message has that MessageSid`);
          return outcome;
        }
        throw new Error(`no outbound message with MessageSid ${update.messageSid} yet`);
      }
      default:
        throw new UnrecoverableError(`unknown twilio job ${job.name}`);
    }
  }
}

/** Declares the reconciliation schedule while credentials are live, and removes it in sandbox. */
@Injectable()
export class TwilioScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(TwilioScheduler.name);

  constructor(
    @InjectQueue(QueueName.Twilio) private readonly queue: Queue,
    private readonly reconciler: TwilioReconciler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      if (!this.reconciler.isLive()) {
        await this.queue.removeJobScheduler(TWILIO_RECONCILE_SCHEDULER);
        return;
      }
      // An upsert, so every worker replica may declare it; the next run is never doubled.
      await this.queue.upsertJobScheduler(
        TWILIO_RECONCILE_SCHEDULER,
        { every: TWILIO_RECONCILE_EVERY_MS },
        { name: TWILIO_RECONCILE_JOB, data: { version: 1 }, opts: { attempts: 1 } },
      );
    } catch (error) {
      this.logger.warn(`Twilio reconciliation not scheduled: ${(error as Error).message}`);
    }
  }
}
