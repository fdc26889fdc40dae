import { Module } from '@nestjs/common';
import { SurveysModule } from '@app/surveys';
import { PublicSurveysController } from './public-surveys.controller.js';
import { SurveyResultsController } from './survey-results.controller.js';
import { SurveySettingsController } from './survey-settings.controller.js';

/**
 * Survey routes. The staff routes (`/surveys/results`, `/comments`, `/settings`) are listed before
 * the public `/surveys/:token`, so Express matches them first.
 */
@Module({
  imports: [SurveysModule],
  controllers: [SurveyResultsController, SurveySettingsController, PublicSurveysController],
})
export class SurveysApiModule {}
