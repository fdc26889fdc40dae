import { Injectable } from '@nestjs/common';
import { SurveyReconcilerService } from '@app/surveys';
import { PeriodicRunner } from '../common/periodic-runner.js';

/** Catches up survey invitations that were never scheduled, at start and every ten minutes. */
@Injectable()
export class SurveyReconcilerRunner extends PeriodicRunner {
  protected readonly everyMs = 10 * 60_000;

  constructor(private readonly reconciler: SurveyReconcilerService) {
    super();
  }

  protected tick(): Promise<unknown> {
    return this.reconciler.reconcile();
  }
}
