import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { Queue } from 'bullmq';
import { QueueName } from '@app/queue';
import { type MessageAddedEvent, type TicketCreatedEvent, TicketEvents, TicketsService, type TicketStatusChangedEvent } from '@app/tickets';
import { AssignmentService } from './assignment/assignment.service.js';
import { WaitingAssignments } from './assignment/waiting-assignments.js';
import { RoutingService } from './routing/routing.service.js';
import { SlaClockService } from './sla/sla-clock.service.js';

export const ROUTE_JOB = 'route-ticket';

export interface RouteJob {
  version: 1;
  ticketId: string;
}

export function routeJobId(ticketId: string): string {
  return `route-${ticketId}`;
}

export const WORKFLOW_OPTIONS = Symbol('WORKFLOW_OPTIONS');

export interface WorkflowOptions {
  /**
   * Route a ticket created in this process right away instead of queueing a `routing` job (the worker,
   * where the job would run anyway: it saves a job per new ticket). A failure still queues the job, for its retries.
   */
  routeNewTicketsHere: boolean;
}

const PAUSED = ['pending', 'with_committee'];
const RUNNING = ['new', 'open'];

/**
 * Reacts to ticket changes in whichever process made them: new tickets are routed by the worker
 * (queued from the api, routed on the spot when the worker opened them),
 * status changes stop, restart or end SLA clocks (a resolved ticket frees its officer for the team's
 * waiting tickets, assigned by the worker), a first reply ends the first-response clock.
 * Failures are logged and left to the reconciler; they never fail the change that triggered them.
 */
@Injectable()
export class WorkflowEventsListener {
  private readonly logger = new Logger(WorkflowEventsListener.name);

  constructor(
    @InjectQueue(QueueName.Routing) private readonly routing: Queue<RouteJob>,
    private readonly tickets: TicketsService,
    private readonly sla: SlaClockService,
    private readonly assignment: AssignmentService,
    private readonly waiting: WaitingAssignments,
    private readonly router: RoutingService,
    @Inject(WORKFLOW_OPTIONS) private readonly options: WorkflowOptions,
  ) {}

  @OnEvent(TicketEvents.Created, { async: true, promisify: true })
  async onCreated(event: TicketCreatedEvent): Promise<void> {
    if (this.options.routeNewTicketsHere) {
      try {
        await this.router.route(event.ticketId, event);
        return;
      } catch (error) {
        this.logger.warn(`routing ticket ${event.ticketId} failed (${(error as Error).message}); queued for retries`);
      }
    }
    await this.safely('route', () => this.enqueueRouting(event.ticketId));
  }

  async enqueueRouting(ticketId: string): Promise<void> {
    await this.routing.add(ROUTE_JOB, { version: 1, ticketId }, { jobId: routeJobId(ticketId), removeOnComplete: true });
  }

  @OnEvent(TicketEvents.StatusChanged, { async: true, promisify: true })
  async onStatusChanged(event: TicketStatusChangedEvent): Promise<void> {
    await this.safely('status', async () => {
      if (PAUSED.includes(event.to)) await this.sla.pause(event.ticketId);
      else if (RUNNING.includes(event.to) && PAUSED.includes(event.from)) await this.sla.resume(event.ticketId);
      else if (event.to === 'resolved' || event.to === 'closed') {
        await this.sla.stop(event.ticketId);
        const ticket = await this.tickets.get(event.ticketId);
        // The officer has room again: a waiting ticket of the team may go to them.
        if (ticket.teamId) await this.waiting.request([ticket.teamId]);
      } else if (RUNNING.includes(event.to)) await this.sla.refreshTimers(await this.tickets.get(event.ticketId));
    });
  }

  @OnEvent(TicketEvents.MessageAdded, { async: true, promisify: true })
  async onMessage(event: MessageAddedEvent): Promise<void> {
    // Timers change only once the first response is in; an acknowledgement on a new ticket need not read it.
    if (event.direction !== 'outbound' || event.firstResponded === false) return;
    await this.safely('message', async () => {
      const ticket = await this.tickets.get(event.ticketId);
      if (ticket.firstRespondedAt && ticket.routedAt) await this.sla.refreshTimers(ticket);
    });
  }

  @OnEvent(TicketEvents.Updated, { async: true, promisify: true })
  async onUpdated(event: { ticketId: string; changes: string[] }): Promise<void> {
    if (!event.changes.some((c) => c === 'priority' || c === 'type' || c === 'teamId')) return;
    await this.safely('update', async () => {
      const ticket = await this.tickets.get(event.ticketId);
      if (ticket.routedAt) await this.sla.apply(event.ticketId);
      if (event.changes.includes('teamId') && ticket.teamId && !ticket.assigneeId) await this.assignment.autoAssign(ticket.id, ticket);
    });
  }

  private async safely(what: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (error) {
      this.logger.warn(`workflow reaction (${what}) failed: ${(error as Error).message}; the reconciler will catch up`);
    }
  }
}
