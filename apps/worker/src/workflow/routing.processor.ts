import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { QueueName } from '@app/queue';
import { ASSIGN_WAITING_JOB, AssignmentService, type AssignWaitingJob, RoutingService, type RouteJob, type RoutingOutcome } from '@app/workflow';

/** Queue `routing`: rules, SLA clock and assignment for one new ticket; a team's waiting tickets when an officer has room. */
@Processor(QueueName.Routing, { concurrency: 4 })
export class RoutingProcessor extends WorkerHost {
  constructor(
    private readonly routing: RoutingService,
    private readonly assignment: AssignmentService,
  ) {
    super();
  }

  async process(job: Job<RouteJob | AssignWaitingJob>): Promise<RoutingOutcome | number> {
    if (job.name === ASSIGN_WAITING_JOB) {
      const { teamId } = job.data as AssignWaitingJob;
      if (typeof teamId !== 'string') throw new UnrecoverableError('assign-waiting job without teamId');
      return this.assignment.assignWaiting(teamId);
    }
    const { ticketId } = job.data as RouteJob;
    if (typeof ticketId !== 'string') throw new UnrecoverableError('routing job without ticketId');
    return this.routing.route(ticketId);
  }
}
