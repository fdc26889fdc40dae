import { Module } from '@nestjs/common';
import { SurveysModule } from '@app/surveys';
import { SurveyReconcilerRunner } from './survey-reconciler.runner.js';
import { SurveysProcessor } from './surveys.processor.js';

/** The surveys queue's processor, with the library it drives. */
@Module({
  imports: [SurveysModule],
  providers: [SurveysProcessor, SurveyReconcilerRunner],
})
export class SurveysWorkerModule {}
