import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommitteeBoardService, CommitteeQueue } from '@app/help-requests';

const SWEEP_EVERY_MS = 60_000;

/**
 * A hand-off is committed in the database before its board job is queued; when Redis was away
 * the job is missing. This finds handed-off requests without their card and queues them again.
 */
@Injectable()
export class CommitteeSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CommitteeSweeper.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly board: CommitteeBoardService,
    private readonly queue: CommitteeQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(olderThanMs?: number): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const missing = await this.board.unplaced(olderThanMs);
      let queued = 0;
      for (const m of missing) if (await this.queue.placeOnBoard(m.id, m.round)) queued++;
      if (queued) this.logger.log(`re-queued ${queued} committee hand-off(s) missing from the board`);
      return queued;
    } catch (error) {
      this.logger.warn(`committee sweep failed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.running = false;
    }
  }
}
