import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SlaReconcilerService } from '@app/workflow';

const EVERY_MS = 5 * 60_000;

/** Re-creates missing SLA timers and routing jobs from the database at start and every five minutes. */
@Injectable()
export class WorkflowReconcilerRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkflowReconcilerRunner.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly reconciler: SlaReconcilerService) {}

  onApplicationBootstrap(): void {
    void this.run();
    this.timer = setInterval(() => void this.run(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async run(): Promise<void> {
    try {
      await this.reconciler.reconcile();
    } catch (error) {
      this.logger.warn(`reconciliation failed: ${(error as Error).message}`);
    }
  }
}
