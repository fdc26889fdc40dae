import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { AppConfig } from '@app/common';
import { QueueName } from '@app/queue';
import { SLA_TIMER_KINDS, SlaTimerHandler, type SlaTimerJob, type TimerOutcome } from '@app/workflow';

/** Queue `sla`: warnings, breaches and escalation steps at their due times. */
@Processor(QueueName.Sla)
export class SlaTimerProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly handler: SlaTimerHandler,
    private readonly config: AppConfig,
  ) {
    super();
  }

  // The decorator's options are fixed before settings are read.
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.SLA_TIMER_CONCURRENCY;
  }

  async process(job: Job<SlaTimerJob>, token?: string): Promise<TimerOutcome> {
    const { ticketId, kind } = job.data ?? {};
    if (typeof ticketId !== 'string' || !SLA_TIMER_KINDS.includes(kind)) throw new UnrecoverableError('invalid SLA timer job');
    const outcome = await this.handler.handle(ticketId, kind);
    if (outcome.later && token) {
      // The due time moved, or the next escalation level follows: the same job waits until then.
      await job.moveToDelayed(outcome.later.getTime(), token);
      throw new DelayedError();
    }
    return outcome;
  }
}
