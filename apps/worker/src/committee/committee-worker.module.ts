import { Module } from '@nestjs/common';
import { HelpRequestsModule } from '@app/help-requests';
import { CommitteeProcessor } from './committee.processor.js';
import { CommitteeSweeper } from './committee-sweeper.js';

/** The research committee's background work: board placement, study-overdue reminders, and the sweeper. */
@Module({
  imports: [HelpRequestsModule],
  providers: [CommitteeProcessor, CommitteeSweeper],
})
export class CommitteeWorkerModule {}
