import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { withTimeout } from '@app/common';
import { QueueName } from '@app/queue';
import { boardJobId, type CommitteeJob, overdueJobId, PLACE_ON_BOARD_JOB, STUDY_OVERDUE_JOB } from './committee-jobs.js';

/**
 * Puts work on the `committee` queue. A hand-off is committed in the database first; when Redis is
 * away the job is not queued now and the worker's committee sweeper places the request later.
 */
@Injectable()
export class CommitteeQueue {
  private readonly logger = new Logger(CommitteeQueue.name);

  constructor(@InjectQueue(QueueName.Committee) private readonly queue: Queue<CommitteeJob>) {}

  async placeOnBoard(helpRequestId: string, round: number): Promise<boolean> {
    return this.add(PLACE_ON_BOARD_JOB, { version: 1, helpRequestId, round }, { jobId: boardJobId(helpRequestId, round) });
  }

  async scheduleOverdueReminder(helpRequestId: string, round: number, dueAt: Date): Promise<boolean> {
    const delay = Math.max(0, dueAt.getTime() - Date.now());
    return this.add(STUDY_OVERDUE_JOB, { version: 1, helpRequestId, round }, { jobId: overdueJobId(helpRequestId, round), delay });
  }

  /** The study ended (decided, or waiting for information): its reminder is not needed. */
  async cancelOverdueReminder(helpRequestId: string, round: number): Promise<void> {
    try {
      await withTimeout(this.queue.remove(overdueJobId(helpRequestId, round)), 2000);
    } catch (error) {
      // The reminder checks the request when it fires, so a leftover does nothing.
      this.logger.warn(`overdue reminder of help request ${helpRequestId} not removed: ${(error as Error).message}`);
    }
  }

  private async add(name: string, data: CommitteeJob, opts: { jobId: string; delay?: number }): Promise<boolean> {
    try {
      await withTimeout(this.queue.add(name, data, opts), 2000);
      return true;
    } catch (error) {
      this.logger.warn(`${name} for help request ${data.helpRequestId} not queued (${(error as Error).message}); the committee sweeper will retry`);
      return false;
    }
  }
}
