import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Ticket } from '@app/tickets';
import { BusinessCalendarsService } from '../calendar/business-calendars.service.js';
import { WorkflowEventsListener } from '../workflow-events.listener.js';
import { SlaClockService } from './sla-clock.service.js';
import { plannedTimers } from './sla-plan.js';
import { SlaTimersService, type SlaTimerKind } from './sla-timers.service.js';

/**
 * Rebuilds what Redis should hold from what the database says: a timer for every running SLA
 * clock and a routing job for every ticket not yet routed. Run at worker start and periodically,
 * so a Redis loss never silences an SLA.
 */
@Injectable()
export class SlaReconcilerService {
  private readonly logger = new Logger(SlaReconcilerService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: SlaClockService,
    private readonly timers: SlaTimersService,
    private readonly calendars: BusinessCalendarsService,
    private readonly workflow: WorkflowEventsListener,
  ) {}

  async reconcile(batch = 500): Promise<{ timersCreated: number; routingQueued: number }> {
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
    let after = '00000000-0000-0000-0000-000000000000';
    const now = new Date();
    // Policies and calendars are few: read each once per run, not once per ticket.
    const targetsByPolicy = new Map<string, Awaited<ReturnType<SlaClockService['targetsFor']>>>();
    const specByTeam = new Map<string, Awaited<ReturnType<BusinessCalendarsService['specFor']>>>();
    for (;;) {
      const page = await this.dataSource
        .getRepository(Ticket)
        .createQueryBuilder('t')
        .where("t.status IN ('new', 'open') AND t.sla_paused_at IS NULL AND t.sla_policy_id IS NOT NULL AND t.id > :after", { after })
        .orderBy('t.id', 'ASC')
        .limit(batch)
        .getMany();
      if (!page.length) break;
      for (const ticket of page) {
        const policyKey = ticket.slaPolicyId ?? '';
        if (!targetsByPolicy.has(policyKey)) targetsByPolicy.set(policyKey, await this.clock.targetsFor(ticket));
        const targets = targetsByPolicy.get(policyKey);
        if (!targets) continue;
        const teamKey = ticket.teamId ?? '';
        if (!specByTeam.has(teamKey)) specByTeam.set(teamKey, await this.calendars.specFor(ticket.teamId));
        const plan = plannedTimers(ticket, targets, specByTeam.get(teamKey)!, now);
        for (const [kind, at] of Object.entries(plan) as [SlaTimerKind, Date][]) {
          if (await this.timers.ensure(ticket.id, kind, at)) timersCreated++;
        }
      }
      after = page[page.length - 1].id;
    }
    if (timersCreated || routingQueued)
      this.logger.log(`reconciled: ${timersCreated} SLA timer(s) re-created, ${routingQueued} ticket(s) queued for routing`);
    return { timersCreated, routingQueued };
  }
}
