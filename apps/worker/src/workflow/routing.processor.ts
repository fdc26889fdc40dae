import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { QueueName } from '@app/queue';
import { RoutingService, type RouteJob, type RoutingOutcome } from '@app/workflow';

/** Queue `routing`: rules, SLA clock and assignment for one new ticket. */
@Processor(QueueName.Routing, { concurrency: 4 })
export class RoutingProcessor extends WorkerHost {
  constructor(private readonly routing: RoutingService) {
    super();
  }

  async process(job: Job<RouteJob>): Promise<RoutingOutcome> {
    if (typeof job.data?.ticketId !== 'string') throw new UnrecoverableError('routing job without ticketId');
    return this.routing.route(job.data.ticketId);
  }
}
