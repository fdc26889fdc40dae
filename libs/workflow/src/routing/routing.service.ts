import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { type SystemTicketChanges, type Ticket, TicketsService } from '@app/tickets';
import { AssignmentService } from '../assignment/assignment.service.js';
import { SlaClockService } from '../sla/sla-clock.service.js';
import { WorkflowSettings } from '../workflow-settings.js';
import { RoutingRule } from './routing-rule.entity.js';
import { pickRule } from './routing-rules.js';

export interface RoutingOutcome {
  ruleId: string | null;
  teamId: string | null;
  assigneeId: string | null;
}

/** A new ticket, with no human action: rules pick team, category, priority and tags; assignment follows; the SLA clock starts. */
@Injectable()
export class RoutingService {
  constructor(
    @InjectRepository(RoutingRule) private readonly rules: Repository<RoutingRule>,
    private readonly tickets: TicketsService,
    private readonly sla: SlaClockService,
    private readonly assignment: AssignmentService,
    private readonly settings: WorkflowSettings,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Routings running in this process: a ticket routed on the spot and again by a queued job share one run. */
  private readonly running = new Map<string, Promise<RoutingOutcome>>();

  /** `created`: the ticket and its first text as the write that opened it just left them (routing right after it, in the same process). */
  async route(ticketId: string, created?: { ticket: Ticket; firstInboundText: string | null }): Promise<RoutingOutcome> {
    const running = this.running.get(ticketId);
    if (running) return running;
    const run = this.routeOnce(ticketId, created).finally(() => this.running.delete(ticketId));
    this.running.set(ticketId, run);
    return run;
  }

  private async routeOnce(ticketId: string, created?: { ticket: Ticket; firstInboundText: string | null }): Promise<RoutingOutcome> {
    const ticket = created?.ticket.id === ticketId ? created.ticket : await this.tickets.get(ticketId);
    if (ticket.routedAt) return { ruleId: null, teamId: ticket.teamId, assigneeId: ticket.assigneeId };
    const settings = await this.settings.current();
    const rules = await settings.get('active-routing-rules', () => this.rules.find({ where: { active: true }, order: { position: 'ASC' } }));
    // The first message the contact wrote (rules match its words), without loading the whole conversation.
    const first = !rules.length ? undefined : created ? { body: created.firstInboundText ?? '' } : await this.firstInbound(ticketId);
    const rule = pickRule(rules, {
      channel: ticket.channel,
      type: ticket.type,
      categoryId: ticket.categoryId,
      contactKind: ticket.contact?.kind ?? 'public',
      text: `${ticket.subject} ${first?.body ?? ''}`,
    });
    const changes: SystemTicketChanges = { routedAt: new Date() };
    // What an officer already set when opening the ticket is kept.
    if (rule?.actions.teamId && !ticket.teamId) changes.teamId = rule.actions.teamId;
    if (rule?.actions.categoryId && !ticket.categoryId) changes.categoryId = rule.actions.categoryId;
    if (rule?.actions.priority && ticket.priority === 'normal') changes.priority = rule.actions.priority;
    if (rule?.actions.tags?.length) changes.tags = [...new Set([...ticket.tags, ...rule.actions.tags.map((t) => t.toLowerCase())])];
    const routing = {
      changes,
      audit: {
        action: 'ticket.routed',
        note: rule ? `وُجّهت التذكرة آلياً وفق القاعدة «${rule.name}».` : undefined,
        meta: { ruleId: rule?.id ?? null, ruleName: rule?.name ?? null },
      },
    };
    const next = { ...ticket, ...changes };
    if (!next.teamId) {
      // No team, so no automatic assignment: routing and the due times it implies are one write.
      const sla = await this.sla.settingFor(next, settings);
      const routed = await this.tickets.applySystemChangeSet(ticketId, [routing, sla], ticket);
      await this.sla.refreshTimers(routed, sla);
      return { ruleId: rule?.id ?? null, teamId: null, assigneeId: null };
    }
    const routedTicket = await this.tickets.applySystemChanges(ticketId, routing.changes, routing.audit, ticket);
    const assigneeId = await this.assignment.autoAssign(ticketId, routedTicket);
    // Due times last: once a ticket shows them, routing and assignment are done. An assignment
    // changed the ticket, so only without one is the routed ticket still current.
    const routed = await this.sla.apply(ticketId, assigneeId ? undefined : routedTicket, settings);
    return { ruleId: rule?.id ?? null, teamId: routed.teamId, assigneeId };
  }

  private async firstInbound(ticketId: string): Promise<{ body: string } | undefined> {
    const [first]: { body: string }[] = await this.dataSource.query(
      "SELECT body FROM messages WHERE ticket_id = $1 AND direction = 'inbound' ORDER BY created_at, id LIMIT 1",
      [ticketId],
    );
    return first;
  }
}
