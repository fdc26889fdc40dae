import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { QueueName } from '@app/queue';
import { SessionService } from '@app/users';

export const PURGE_SESSIONS_JOB = 'purge-sessions';

/** Housekeeping that runs on a schedule: old sessions are removed nightly. */
@Processor(QueueName.Maintenance)
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(private readonly sessions: SessionService) {
    super();
  }

  async process(job: Job): Promise<{ removed: number }> {
    switch (job.name) {
      case PURGE_SESSIONS_JOB: {
        const removed = await this.sessions.purgeOld();
        if (removed) this.logger.log(`Removed ${removed} old sessions`);
        return { removed };
      }
      default:
        throw new Error(`unknown maintenance job ${job.name}`);
    }
  }
}

@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.Maintenance) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    // A scheduler is an upsert, so every worker replica may declare it.
    await this.queue.upsertJobScheduler(PURGE_SESSIONS_JOB, { pattern: '0 30 2 * * *', tz: 'Asia/Riyadh' }, { name: PURGE_SESSIONS_JOB });
  }
}
