import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { QueueName } from '@app/queue';

export const SLA_TIMER_KINDS = ['frt-warn', 'frt-breach', 'res-warn', 'res-breach', 'escalate'] as const;
export type SlaTimerKind = (typeof SLA_TIMER_KINDS)[number];

export interface SlaTimerJob {
  version: 1;
  ticketId: string;
  kind: SlaTimerKind;
}

export interface SlaTimer {
  ticketId: string;
  kind: SlaTimerKind;
  at: Date;
}

/** Deterministic ids (BullMQ refuses ':'): one timer of each kind per ticket, replaced when the ticket changes. */
export function slaJobId(ticketId: string, kind: SlaTimerKind): string {
  return `sla-${ticketId}-${kind}`;
}

function timerJob({ ticketId, kind, at }: SlaTimer): { name: SlaTimerKind; data: SlaTimerJob; opts: JobsOptions } {
  return {
    name: kind,
    data: { version: 1, ticketId, kind },
    opts: { jobId: slaJobId(ticketId, kind), delay: Math.max(0, at.getTime() - Date.now()), removeOnComplete: true, removeOnFail: true, attempts: 3 },
  };
}

/**
 * The delayed jobs behind SLA clocks. A timer that fires early or late re-checks the ticket, so
 * a replaced or stale timer does no harm; completed timers are removed so the id can be reused.
 */
@Injectable()
export class SlaTimersService {
  private readonly logger = new Logger(SlaTimersService.name);

  constructor(@InjectQueue(QueueName.Sla) private readonly queue: Queue<SlaTimerJob>) {}

  async set(ticketId: string, kind: SlaTimerKind, at: Date): Promise<void> {
    const job = timerJob({ ticketId, kind, at });
    try {
      await this.queue.remove(job.opts.jobId!);
      await this.queue.add(job.name, job.data, job.opts);
    } catch (error) {
      // The reconciler re-creates missing timers from the database at worker start and periodically.
      this.logger.warn(`SLA timer ${job.opts.jobId} not set: ${(error as Error).message}`);
    }
  }

  async clear(ticketId: string, kinds: readonly SlaTimerKind[] = SLA_TIMER_KINDS): Promise<void> {
    await Promise.all(
      kinds.map(async (kind) => {
        try {
          await this.queue.remove(slaJobId(ticketId, kind));
        } catch (error) {
          this.logger.warn(`SLA timer ${slaJobId(ticketId, kind)} not removed: ${(error as Error).message}`);
        }
      }),
    );
  }

  /**
   * Adds the timers that have no job yet and keeps any existing one as it is (used by the
   * reconciler): the existence checks go out together, and the missing timers in one bulk add. Returns how many were added.
   */
  async ensure(timers: readonly SlaTimer[]): Promise<number> {
    if (!timers.length) return 0;
    const client = await this.queue.getBackend().client;
    // Every job hash has a `name` field; the commands are sent without waiting for each other's replies.
    const exists = await Promise.all(timers.map((t) => client.hexists(this.queue.toKey(slaJobId(t.ticketId, t.kind)), 'name')));
    const missing = timers.filter((_, i) => exists[i] === 0);
    // A job created between the check and the add (the ticket just changed) is kept: BullMQ skips an id that exists.
    if (missing.length) await this.queue.addBulk(missing.map(timerJob));
    return missing.length;
  }
}
