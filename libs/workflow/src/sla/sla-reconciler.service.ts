import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Ticket } from '@app/tickets';
import { WorkflowEventsListener } from '../workflow-events.listener.js';
import { WorkflowSettings } from '../workflow-settings.js';
import { type SlaClockState, SlaClockService } from './sla-clock.service.js';
import { noticeOf, noticeSettled, recordedNotices } from './sla-notices.js';
import { type SlaTimer, type SlaTimerKind, SlaTimersService } from './sla-timers.service.js';

/**
 * Rebuilds what Redis should hold from what the database says: a timer for every running SLA
 * clock due within the horizon (`SLA_TIMER_HORIZON_MINUTES`) and a routing job for every ticket
 * not yet routed. Run at worker start and periodically, so a Redis loss never silences an SLA
 * and later timers are added as they come within the horizon.
 */
@Injectable()
export class SlaReconcilerService {
  private readonly logger = new Logger(SlaReconcilerService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: SlaClockService,
    private readonly timers: SlaTimersService,
    private readonly workflow: WorkflowEventsListener,
    private readonly settings: WorkflowSettings,
  ) {}

  async reconcile(batch = 1000): Promise<{ timersCreated: number; routingQueued: number }> {
    const started = Date.now();
    let routingQueued = 0;
    const unrouted = await this.dataSource
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .select('t.id')
      .where("t.routed_at IS NULL AND t.status <> 'closed' AND t.created_at < now() - interval '20 seconds'")
      .limit(batch)
      .getMany();
    for (const t of unrouted) {
      await this.workflow.enqueueRouting(t.id);
      routingQueued++;
    }

    let timersCreated = 0;
    let clocks = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      // Keyset pages of only what planning reads, without entities: a pass over every running clock stays cheap.
      const page: SlaClockState[] = await this.dataSource.query(
        `SELECT id, status, priority, type, sla_policy_id AS "slaPolicyId", team_id AS "teamId", created_at AS "createdAt",
                first_responded_at AS "firstRespondedAt", sla_paused_at AS "slaPausedAt", sla_paused_minutes::float8 AS "slaPausedMinutes",
                escalation_level AS "escalationLevel", last_escalated_at AS "lastEscalatedAt",
                first_response_due_at AS "firstResponseDueAt", resolution_due_at AS "resolutionDueAt"
         FROM tickets
         WHERE status IN ('new', 'open') AND sla_paused_at IS NULL AND sla_policy_id IS NOT NULL AND id > $1
         ORDER BY id LIMIT $2`,
        [after, batch],
      );
      if (!page.length) break;
      clocks += page.length;
      const now = new Date();
      const due: SlaTimer[] = [];
      // One look at the settings' version per page, not per ticket.
      const settings = await this.settings.current();
      for (const ticket of page) {
        const plan = await this.clock.timersToKeep(ticket, now, undefined, settings);
        for (const [kind, at] of Object.entries(plan) as [SlaTimerKind, Date][]) due.push({ ticketId: ticket.id, kind, at });
      }
      timersCreated += await this.timers.ensure(await this.unrecorded(due, page, now));
      after = page[page.length - 1].id;
    }
    const summary = `reconciled ${clocks} running SLA clock(s) in ${Date.now() - started} ms: ${timersCreated} timer(s) created, ${routingQueued} ticket(s) queued for routing`;
    if (timersCreated || routingQueued) this.logger.log(summary);
    else this.logger.debug(summary);
    return { timersCreated, routingQueued };
  }

  /**
   * Drops the past warnings and breaches already recorded: a breached ticket keeps planning its
   * breach until answered, and re-firing it on every pass would only queue work ahead of real timers.
   */
  private async unrecorded(timers: SlaTimer[], page: SlaClockState[], now: Date): Promise<SlaTimer[]> {
    const past = timers.filter((t) => t.kind !== 'escalate' && t.at.getTime() <= now.getTime());
    if (!past.length) return timers;
    const recorded = await recordedNotices(this.dataSource, [...new Set(past.map((t) => t.ticketId))]);
    const byId = new Map(page.map((t) => [t.id, t]));
    return timers.filter((t) => {
      const ticket = byId.get(t.ticketId)!;
      const notice = t.at.getTime() <= now.getTime() && noticeOf(t.kind, ticket);
      return !notice || !noticeSettled(t.ticketId, notice, ticket.escalationLevel, recorded);
    });
  }
}
