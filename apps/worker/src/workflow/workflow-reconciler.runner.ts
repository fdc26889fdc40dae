import { Injectable } from '@nestjs/common';
import { SlaReconcilerService } from '@app/workflow';
import { PeriodicRunner } from '../common/periodic-runner.js';

/** Re-creates missing SLA timers and routing jobs from the database at start and every five minutes. */
@Injectable()
export class WorkflowReconcilerRunner extends PeriodicRunner {
  protected readonly everyMs = 5 * 60_000;

  constructor(private readonly reconciler: SlaReconcilerService) {
    super();
  }

  protected tick(): Promise<unknown> {
    return this.reconciler.reconcile();
  }
}
