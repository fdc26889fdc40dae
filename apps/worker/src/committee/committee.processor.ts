import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import {
  CommitteeBoardService,
  parseCommitteeJob,
  PLACE_ON_BOARD_JOB,
  STUDY_OVERDUE_JOB,
  type PlaceResult,
  type ReminderResult,
} from '@app/help-requests';
import { QueueName } from '@app/queue';

/**
 * Queue `committee`: place a handed-off request on the board (and schedule its study-overdue
 * reminder), and send that reminder when a study passes its due date.
 */
@Processor(QueueName.Committee, { concurrency: 4 })
export class CommitteeProcessor extends WorkerHost {
  constructor(private readonly board: CommitteeBoardService) {
    super();
  }

  async process(job: Job, token?: string): Promise<PlaceResult | ReminderResult> {
    const data = parseCommitteeJob(job.data);
    if (!data) throw new UnrecoverableError(`committee job ${job.name} has no valid payload (version 1, helpRequestId, round)`);
    switch (job.name) {
      case PLACE_ON_BOARD_JOB:
        return this.board.placeOnBoard(data.helpRequestId, data.round);
      case STUDY_OVERDUE_JOB: {
        const result = await this.board.remindIfOverdue(data.helpRequestId, data.round);
        if (result.status === 'not_due' && token) {
          // Fired early (clock skew, a promoted job): wait until just after the due time.
          await job.moveToDelayed(result.dueAt.getTime() + 1000, token);
          throw new DelayedError();
        }
        return result;
      }
      default:
        throw new UnrecoverableError(`unknown committee job ${job.name}`);
    }
  }
}
