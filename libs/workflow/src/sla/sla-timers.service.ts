import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '@app/queue';

export const SLA_TIMER_KINDS = ['frt-warn', 'frt-breach', 'res-warn', 'res-breach', 'escalate'] as const;
export type SlaTimerKind = (typeof SLA_TIMER_KINDS)[number];

export interface SlaTimerJob {
  version: 1;
  ticketId: string;
  kind: SlaTimerKind;
}

/** Deterministic ids (BullMQ refuses ':'): one timer of each kind per ticket, replaced when the ticket changes. */
export function slaJobId(ticketId: string, kind: SlaTimerKind): string {
  return `sla-${ticketId}-${kind}`;
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
    const jobId = slaJobId(ticketId, kind);
    try {
      await this.queue.remove(jobId);
      await this.queue.add(
        kind,
        { version: 1, ticketId, kind },
        { jobId, delay: Math.max(0, at.getTime() - Date.now()), removeOnComplete: true, removeOnFail: true, attempts: 3 },
      );
    } catch (error) {
      // The reconciler re-creates missing timers from the database at worker start and periodically.
      this.logger.warn(`SLA timer ${jobId} not set: ${(error as Error).message}`);
    }
  }

  async clear(ticketId: string, kinds: readonly SlaTimerKind[] = SLA_TIMER_KINDS): Promise<void> {
    for (const kind of kinds) {
      try {
        await this.queue.remove(slaJobId(ticketId, kind));
      } catch (error) {
        this.logger.warn(`SLA timer ${slaJobId(ticketId, kind)} not removed: ${(error as Error).message}`);
      }
    }
  }

  /** Adds the timer only when no job with its id exists (used by the reconciler). */
  async ensure(ticketId: string, kind: SlaTimerKind, at: Date): Promise<boolean> {
    const existing = await this.queue.getJob(slaJobId(ticketId, kind));
    if (existing) return false;
    await this.queue.add(
      kind,
      { version: 1, ticketId, kind },
      { jobId: slaJobId(ticketId, kind), delay: Math.max(0, at.getTime() - Date.now()), removeOnComplete: true, removeOnFail: true, attempts: 3 },
    );
    return true;
  }
}
