import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import {
  OPEN_RECOVERY_JOB,
  parseSurveyJob,
  SEND_INVITATION_JOB,
  SEND_REMINDER_JOB,
  SurveyDispatchService,
  SurveyRecoveryService,
  type DispatchOutcome,
  type RecoveryOutcome,
  type SurveyJob,
} from '@app/surveys';
import { QueueName } from '@app/queue';

/**
 * Queue `surveys`: the delayed invitation after resolution, the one reminder, and service-recovery
 * tasks after a bad rating. Each job validates its payload and makes one service call; the
 * services re-check every guard, so a job that runs twice does no harm.
 */
@Processor(QueueName.Surveys, { concurrency: 4 })
export class SurveysProcessor extends WorkerHost {
  constructor(
    private readonly dispatch: SurveyDispatchService,
    private readonly recovery: SurveyRecoveryService,
  ) {
    super();
  }

  async process(job: Job): Promise<DispatchOutcome | RecoveryOutcome> {
    let parsed: SurveyJob;
    try {
      parsed = parseSurveyJob(job.name, job.data);
    } catch (error) {
      throw new UnrecoverableError((error as Error).message);
    }
    switch (parsed.name) {
      case SEND_INVITATION_JOB:
        return this.dispatch.sendInvitation(parsed.data);
      case SEND_REMINDER_JOB:
        return this.dispatch.sendReminder(parsed.data);
      case OPEN_RECOVERY_JOB:
        return this.recovery.open(parsed.data);
    }
  }
}
