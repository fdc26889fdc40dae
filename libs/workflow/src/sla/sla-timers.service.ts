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

  /**
   * Makes the ticket's timers exactly `plan`: the jobs it already has are removed (found in one
   * round trip, so a new ticket removes nothing) and the planned ones added in one bulk.
   */
  async replace(ticketId: string, plan: Partial<Record<SlaTimerKind, Date>>): Promise<void> {
    await this.clear(ticketId);
    const jobs = (Object.entries(plan) as [SlaTimerKind, Date][]).map(([kind, at]) => timerJob({ ticketId, kind, at }));
    if (!jobs.length) return;
    try {
      // A timer whose removal failed (it is firing) keeps its job: BullMQ skips an id that exists.
      await this.queue.addBulk(jobs);
    } catch (error) {
      // The reconciler re-creates missing timers from the database at worker start and periodically.
      this.logger.warn(`SLA timers of ticket ${ticketId} not set: ${(error as Error).message}`);
    }
  }

  async clear(ticketId: string, kinds: readonly SlaTimerKind[] = SLA_TIMER_KINDS): Promise<void> {
    let present: readonly SlaTimerKind[] = kinds;
    try {
      const found = await this.exist(kinds.map((kind) => slaJobId(ticketId, kind)));
      // An unanswered check counts as present: removing a missing job is harmless, keeping a stale one is not.
      present = kinds.filter((_, i) => found[i] !== false);
    } catch (error) {
      this.logger.warn(`SLA timers of ticket ${ticketId} not checked: ${(error as Error).message}`);
    }
    await Promise.all(
      present.map(async (kind) => {
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
    const exists = await this.exist(timers.map((t) => slaJobId(t.ticketId, t.kind)));
    if (exists.includes(null)) throw new Error('SLA timers not checked: Redis did not answer');
    const missing = timers.filter((_, i) => !exists[i]);
    // A job created between the check and the add (the ticket just changed) is kept: BullMQ skips an id that exists.
    if (missing.length) await this.queue.addBulk(missing.map(timerJob));
    return missing.length;
  }

  /** Whether each job exists (null: not answered), asked in one pipeline; every job hash has a `name` field. */
  private async exist(jobIds: readonly string[]): Promise<(boolean | null)[]> {
    if (!jobIds.length) return [];
    const client = await this.queue.getBackend().client;
    const pipeline = client.pipeline();
    for (const id of jobIds) pipeline.runCommand('hexists', [this.queue.toKey(id), 'name']);
    const replies = await pipeline.exec();
    return jobIds.map((_, i) => {
      const reply = replies?.[i];
      return !reply || reply[0] ? null : reply[1] !== 0;
    });
  }
}
