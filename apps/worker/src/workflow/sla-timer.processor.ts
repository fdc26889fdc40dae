import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { QueueName } from '@app/queue';
import { SLA_TIMER_KINDS, SlaTimerHandler, type SlaTimerJob, type TimerOutcome } from '@app/workflow';

/** Queue `sla`: warnings, breaches and escalation steps at their due times. */
@Processor(QueueName.Sla, { concurrency: 8 })
export class SlaTimerProcessor extends WorkerHost {
  constructor(private readonly handler: SlaTimerHandler) {
    super();
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
