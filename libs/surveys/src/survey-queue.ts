import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { withTimeout } from '@app/common';
import { QueueName } from '@app/queue';
import {
  invitationJobId,
  OPEN_RECOVERY_JOB,
  recoveryJobId,
  reminderJobId,
  SEND_INVITATION_JOB,
  SEND_REMINDER_JOB,
  type OpenRecoveryJob,
  type SendInvitationJob,
  type SendReminderJob,
} from './survey-jobs.js';

const REDIS_TIMEOUT_MS = 2000;

/** The `surveys` queue behind one class: delayed invitations and reminders with deterministic ids, recovery jobs. */
@Injectable()
export class SurveyQueue {
  private readonly logger = new Logger(SurveyQueue.name);

  constructor(@InjectQueue(QueueName.Surveys) private readonly queue: Queue) {}

  /** (Re)starts the wait before the invitation: a ticket resolved again starts it afresh. */
  async scheduleInvitation(job: SendInvitationJob, delayMs: number): Promise<void> {
    const jobId = invitationJobId(job.ticketId);
    await this.bounded(`survey of ticket ${job.ticketId} not scheduled`, async () => {
      await this.removeIfIdle(jobId);
      await this.queue.add(SEND_INVITATION_JOB, job, { jobId, delay: Math.max(0, delayMs) });
    });
  }

  /** Schedules the invitation only when no job for it exists (used to catch up after Redis was away). */
  async ensureInvitation(job: SendInvitationJob, delayMs: number): Promise<boolean> {
    const jobId = invitationJobId(job.ticketId);
    if (await this.queue.getJob(jobId)) return false;
    await this.queue.add(SEND_INVITATION_JOB, job, { jobId, delay: Math.max(0, delayMs) });
    return true;
  }

  /** A re-opened ticket: its pending invitation and reminder are dropped (the job re-checks anyway). */
  async cancelForTicket(ticketId: string): Promise<void> {
    await this.bounded(`pending survey of ticket ${ticketId} not cancelled`, async () => {
      await this.removeIfIdle(invitationJobId(ticketId));
      await this.removeIfIdle(reminderJobId(ticketId));
    });
  }

  async scheduleReminder(ticketId: string, job: SendReminderJob, delayMs: number): Promise<void> {
    const jobId = reminderJobId(ticketId);
    await this.bounded(`survey reminder of ticket ${ticketId} not scheduled`, async () => {
      await this.removeIfIdle(jobId);
      await this.queue.add(SEND_REMINDER_JOB, job, { jobId, delay: Math.max(0, delayMs) });
    });
  }

  async cancelReminder(ticketId: string): Promise<void> {
    await this.bounded(`survey reminder of ticket ${ticketId} not cancelled`, () => this.removeIfIdle(reminderJobId(ticketId)));
  }

  /** Returns false when Redis could not take it (the caller may fall back to doing the work itself). */
  async queueRecovery(job: OpenRecoveryJob): Promise<boolean> {
    return this.bounded(`recovery for survey response ${job.responseId} not queued`, async () => {
      await this.queue.add(OPEN_RECOVERY_JOB, job, { jobId: recoveryJobId(job.responseId) });
    });
  }

  /** Removes a job that is waiting or delayed, or finished (so the id can be reused); a running job is left alone. */
  private async removeIfIdle(jobId: string): Promise<void> {
    const existing = await this.queue.getJob(jobId);
    if (!existing) return;
    const state = await existing.getState();
    if (state === 'active') return;
    await existing.remove().catch(() => undefined);
  }

  private async bounded(failure: string, work: () => Promise<void>): Promise<boolean> {
    try {
      await withTimeout(work(), REDIS_TIMEOUT_MS);
      return true;
    } catch (error) {
      this.logger.warn(`${failure} (${(error as Error).message})`);
      return false;
    }
  }
}
