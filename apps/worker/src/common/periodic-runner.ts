import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/**
 * Runs a catch-up task at worker start and then every `everyMs`, one run at a time. A failed run
 * is logged and tried again next time; it never stops the worker.
 */
export abstract class PeriodicRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly everyMs: number;
  protected abstract tick(): Promise<unknown>;
  private readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  onApplicationBootstrap(): void {
    void this.run();
    this.timer = setInterval(() => void this.run(), this.everyMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.tick();
    } catch (error) {
      this.logger.warn(`run failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
