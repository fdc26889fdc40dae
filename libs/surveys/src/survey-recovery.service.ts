import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { TicketsService } from '@app/tickets';
import { RECOVERY_TAG } from './survey-guards.js';
import type { OpenRecoveryJob } from './survey-jobs.js';
import { recoverySubject, recoveryTrigger, type RecoveryTrigger } from './survey-recovery-rule.js';
import type { SurveyQuestion } from './survey-questions.js';
import { SurveyResponse } from './survey-response.entity.js';
import { SurveySettingsService } from './survey-settings.service.js';

export type RecoveryOutcome =
  { opened: true; ticketId: string; assigneeId: string | null } | { opened: false; reason: 'unknown_response' | 'already_opened' | 'not_needed' };

/**
 * Service recovery after a bad rating: a follow-up ticket (type complaint, on the original's
 * channel and team) assigned to a supervisor of that team, with an internal note quoting the
 * rating and the comment. It is for putting things right with the contact, not for judging staff.
 */
@Injectable()
export class SurveyRecoveryService {
  private readonly logger = new Logger(SurveyRecoveryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly settings: SurveySettingsService,
    private readonly audit: AuditService,
  ) {}

  async open(job: OpenRecoveryJob): Promise<RecoveryOutcome> {
    const responses = this.dataSource.getRepository(SurveyResponse);
    const response = await responses.findOneBy({ id: job.responseId });
    if (!response) return { opened: false, reason: 'unknown_response' };
    if (response.recoveryTicketId) return { opened: false, reason: 'already_opened' };
    const settings = await this.settings.current();
    const trigger = recoveryTrigger(response, { maxScore: settings.recoveryMaxScore, keywords: settings.recoveryKeywords });
    if (!trigger) return { opened: false, reason: 'not_needed' };

    const original = await this.tickets.get(response.ticketId);
    const supervisorId = original.teamId ? await this.supervisorOf(original.teamId) : null;
    const recovery = await this.tickets.open(
      {
        contactId: original.contactId,
        channel: original.channel,
        type: 'complaint',
        priority: 'high',
        subject: recoverySubject(original.number),
        categoryId: original.categoryId,
        teamId: original.teamId,
        tags: [RECOVERY_TAG],
        firstMessage: {
          direction: 'note',
          body: recoveryNote(original.number, response, trigger, settings.questions),
          meta: { event: 'survey_recovery', originalTicketId: original.id, originalTicketNumber: original.number, surveyResponseId: response.id },
        },
      },
      { id: null },
    );
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(SurveyResponse).update(response.id, { recoveryTicketId: recovery.id });
      await this.audit.record(
        {
          actorId: null,
          action: 'survey.recovery_opened',
          entityType: 'survey',
          entityId: original.id,
          after: {
            responseId: response.id,
            recoveryTicketId: recovery.id,
            recoveryTicketNumber: recovery.number,
            score: response.score,
            lowScore: trigger.lowScore,
            keywords: trigger.keywords,
            supervisorId,
          },
        },
        manager,
      );
    });
    if (supervisorId) {
      // Assigned as the supervisor themselves would claim it; the audit entry names no staff actor.
      await this.tickets.assign(recovery.id, supervisorId, { id: supervisorId, role: 'supervisor' }, { id: null });
    } else {
      this.logger.warn(`recovery ticket ${recovery.number} for ${original.number}: no active supervisor in the ticket's team; left unassigned`);
    }
    return { opened: true, ticketId: recovery.id, assigneeId: supervisorId };
  }

  /** An active supervisor of the team, the one with the fewest open tickets first. */
  private async supervisorOf(teamId: string): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT u.id FROM team_memberships tm JOIN users u ON u.id = tm.user_id
       WHERE tm.team_id = $1 AND u.role = 'supervisor' AND u.active
       ORDER BY (SELECT count(*) FROM tickets t WHERE t.assignee_id = u.id AND t.status IN ('new', 'open', 'pending')), u.name, u.id
       LIMIT 1`,
      [teamId],
    );
    return rows[0]?.id ?? null;
  }
}

/** The internal note of a recovery ticket: the rating, the short answers and the comment, quoted. */
export function recoveryNote(
  ticketNumber: string,
  response: Pick<SurveyResponse, 'score' | 'answers' | 'comment'>,
  trigger: RecoveryTrigger,
  questions: readonly SurveyQuestion[],
): string {
  const lines = [`تقييم المستفيد للطلب ${ticketNumber}: ${response.score} من 5.`];
  const why: string[] = [];
  if (trigger.lowScore) why.push('تقييم منخفض');
  if (trigger.keywords.length) why.push(`كلمات في التعليق: ${trigger.keywords.join('، ')}`);
  lines.push(`سبب المتابعة: ${why.join(' / ')}.`);
  for (const q of questions) {
    const value = response.answers[q.key];
    if (value === undefined) continue;
    lines.push(`- ${q.label.ar}: ${typeof value === 'boolean' ? (value ? 'نعم' : 'لا') : `${value} من 5`}`);
  }
  lines.push(response.comment ? `تعليق المستفيد: «${response.comment}»` : 'لم يكتب المستفيد تعليقًا.');
  lines.push('الغرض من هذه المتابعة معالجة تجربة المستفيد وتحسين الخدمة.');
  return lines.join('\n');
}
