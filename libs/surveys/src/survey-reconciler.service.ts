import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/common';
import { SurveyQueue } from './survey-queue.js';

/**
 * A resolution whose survey was never scheduled (Redis was down at that moment, or the process
 * stopped) still gets its survey: resolved tickets of the last week with no invitation and no job
 * are scheduled again. The send-time guards decide whether it actually goes out.
 */
@Injectable()
export class SurveyReconcilerService {
  private readonly logger = new Logger(SurveyReconcilerService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: SurveyQueue,
    private readonly config: AppConfig,
  ) {}

  async reconcile(batch = 500): Promise<number> {
    const due: { id: string; assignee_id: string | null; resolved_at: Date }[] = await this.dataSource.query(
      `SELECT t.id, t.assignee_id, t.resolved_at FROM tickets t
        WHERE t.status IN ('resolved', 'closed') AND t.resolved_at > now() - interval '7 days'
          AND NOT EXISTS (SELECT 1 FROM survey_invitations i WHERE i.ticket_id = t.id)
        ORDER BY t.resolved_at LIMIT $1`,
      [batch],
    );
    let scheduled = 0;
    for (const t of due) {
      const remaining = t.resolved_at.getTime() + this.config.SURVEY_DELAY_SECONDS * 1000 - Date.now();
      if (await this.queue.ensureInvitation({ version: 1, ticketId: t.id, assigneeId: t.assignee_id }, remaining)) scheduled++;
    }
    if (scheduled) this.logger.log(`scheduled ${scheduled} missing survey invitation(s)`);
    return scheduled;
  }
}
