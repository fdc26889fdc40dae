import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '@app/queue';

export const ASSIGN_WAITING_JOB = 'assign-waiting';

export interface AssignWaitingJob {
  version: 1;
  teamId: string;
}

/**
 * Asks the worker (queue `routing`) to hand a team's waiting tickets to officers with room: an officer
 * became available or finished a ticket. The request that caused it does not wait for the assignments.
 */
@Injectable()
export class WaitingAssignments {
  constructor(@InjectQueue(QueueName.Routing) private readonly routing: Queue<AssignWaitingJob>) {}

  async request(teamIds: string[]): Promise<void> {
    if (!teamIds.length) return;
    await this.routing.addBulk(
      teamIds.map((teamId) => ({ name: ASSIGN_WAITING_JOB, data: { version: 1 as const, teamId }, opts: { removeOnComplete: true } })),
    );
  }
}
