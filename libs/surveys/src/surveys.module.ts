import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelsModule } from '@app/channels';
import { TicketsModule } from '@app/tickets';
import { SurveyAnswersService } from './survey-answers.service.js';
import { SurveyDispatchService } from './survey-dispatch.service.js';
import { SurveyInvitation } from './survey-invitation.entity.js';
import { SurveyQueue } from './survey-queue.js';
import { SurveyReconcilerService } from './survey-reconciler.service.js';
import { SurveyRecoveryService } from './survey-recovery.service.js';
import { SurveyResponse } from './survey-response.entity.js';
import { SurveyResultsService } from './survey-results.service.js';
import { SurveySettings } from './survey-settings.entity.js';
import { SurveySettingsService } from './survey-settings.service.js';
import { SurveyTriggerListener } from './survey-trigger.listener.js';

/** Satisfaction surveys: scheduling on resolution, invitations and reminders, answers, service recovery, results. */
@Module({
  imports: [TypeOrmModule.forFeature([SurveySettings, SurveyInvitation, SurveyResponse]), TicketsModule, ChannelsModule],
  providers: [
    SurveyQueue,
    SurveyTriggerListener,
    SurveySettingsService,
    SurveyDispatchService,
    SurveyAnswersService,
    SurveyRecoveryService,
    SurveyResultsService,
    SurveyReconcilerService,
  ],
  exports: [SurveyReconcilerService, SurveySettingsService, SurveyDispatchService, SurveyAnswersService, SurveyRecoveryService, SurveyResultsService],
})
export class SurveysModule {}
