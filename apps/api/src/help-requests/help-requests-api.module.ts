import { Module } from '@nestjs/common';
import { HelpRequestsModule } from '@app/help-requests';
import { TicketsModule } from '@app/tickets';
import { CommitteeController } from './committee.controller.js';
import { HelpRequestFormRateLimitGuard } from './help-request-form.guard.js';
import { HelpRequestTicketsController } from './help-request-tickets.controller.js';
import { HelpRequestViews } from './help-request-views.service.js';
import { HelpRequestsController } from './help-requests.controller.js';
import { PublicHelpRequestsController } from './public-help-requests.controller.js';

/** Help requests over HTTP: the public form, officers' intake, the hand-off and the committee. */
@Module({
  imports: [HelpRequestsModule, TicketsModule],
  controllers: [PublicHelpRequestsController, HelpRequestsController, HelpRequestTicketsController, CommitteeController],
  providers: [HelpRequestViews, HelpRequestFormRateLimitGuard],
})
export class HelpRequestsApiModule {}
