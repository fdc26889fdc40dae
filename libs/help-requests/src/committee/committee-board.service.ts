import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '@app/audit';
import { formatDualDate } from '@app/common';
import { NotificationsService } from '@app/notifications';
import { Ticket } from '@app/tickets';
import { User } from '@app/users';
import { HelpRequestEvents } from '../intake/help-request-events.js';
import { CommitteeBoardEntry } from './committee-board-entry.entity.js';
import { HelpRequest } from '../intake/help-request.entity.js';
import { isOverdue } from './committee-clock.js';
import { CommitteeQueue } from './committee-queue.js';

export type PlaceResult = { placed: boolean; reason?: string };
export type ReminderResult = { status: 'reminded' } | { status: 'skipped'; reason: string } | { status: 'not_due'; dueAt: Date };

/**
 * The committee queue's work (run by the worker): a handed-off request becomes a card on the
 * board and gets its study-overdue reminder; a reminder that fires for a study still open past
 * its due date tells the committee and supervisors. Every job may run twice without harm.
 */
@Injectable()
export class CommitteeBoardService {
  private readonly logger = new Logger(CommitteeBoardService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: CommitteeQueue,
    private readonly notifications: NotificationsService,
    private readonly events: HelpRequestEvents,
    private readonly audit: AuditService,
  ) {}

  async placeOnBoard(helpRequestId: string, round: number): Promise<PlaceResult> {
    const request = await this.dataSource.getRepository(HelpRequest).findOneBy({ id: helpRequestId });
    if (!request) return { placed: false, reason: 'no such help request' };
    if (request.status !== 'with_committee' || request.handoffRound !== round)
      return { placed: false, reason: `stale job: the request is ${request.status}, round ${request.handoffRound}` };
    const now = new Date();
    const placed = await this.dataSource.transaction(async (manager) => {
      // A new card, or the card of an earlier round placed again (it keeps its stage); never twice for one round.
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO committee_board_entries (help_request_id, ticket_id, stage, round, placed_at, stage_changed_at)
         VALUES ($1, $2, 'new', $3, $4, $4)
         ON CONFLICT (help_request_id) DO UPDATE SET round = EXCLUDED.round, placed_at = EXCLUDED.placed_at, updated_at = now()
         WHERE committee_board_entries.round < EXCLUDED.round
         RETURNING id`,
        [request.id, request.ticketId, round, now],
      );
      if (!rows.length) return false;
      await this.audit.record(
        {
          actorId: null,
          action: 'committee.placed_on_board',
          entityType: 'help_request',
          entityId: request.id,
          after: { round, dueAt: request.committeeDueAt?.toISOString() ?? null },
          ip: null,
        },
        manager,
      );
      return true;
    });
    // Scheduled even when the card existed: a retried job after a crash between the two steps still sets the reminder.
    if (request.committeeDueAt) await this.queue.scheduleOverdueReminder(request.id, round, request.committeeDueAt);
    if (placed) await this.publish(request, 'placed_on_board');
    return { placed };
  }

  async remindIfOverdue(helpRequestId: string, round: number, now = new Date()): Promise<ReminderResult> {
    const request = await this.dataSource.getRepository(HelpRequest).findOneBy({ id: helpRequestId });
    if (!request) return { status: 'skipped', reason: 'no such help request' };
    if (request.status !== 'with_committee' || request.handoffRound !== round)
      return { status: 'skipped', reason: `the study of round ${round} is over` };
    if (!request.committeeDueAt) return { status: 'skipped', reason: 'no due date' };
    if (!isOverdue(request.committeeDueAt, now)) return { status: 'not_due', dueAt: request.committeeDueAt };
    const entry = await this.dataSource.getRepository(CommitteeBoardEntry).findOneBy({ helpRequestId });
    if (entry?.overdueRemindedRound === round) return { status: 'skipped', reason: 'already reminded for this round' };
    const ticket = await this.dataSource.getRepository(Ticket).findOneByOrFail({ id: request.ticketId });
    // Told first, marked after: a crash in between repeats the reminder rather than losing it.
    // The committee and the supervisors: a notification row each, a live push, an e-mail copy when e-mail is live.
    const staff = await this.dataSource
      .getRepository(User)
      .find({ select: { id: true }, where: { role: In(['committee', 'supervisor']), active: true } });
    await this.notifications.notify(
      staff.map((u) => u.id),
      {
        kind: 'committee.study_overdue',
        ticketId: ticket.id,
        title: `دراسة الطلب ${ticket.number} تجاوزت موعدها — Study of ${ticket.number} is overdue`,
        body: `الموعد المستهدف / target: ${formatDualDate(request.committeeDueAt, 'ar')} (${formatDualDate(request.committeeDueAt, 'en')})`,
      },
    );
    const dueAt = request.committeeDueAt;
    const marked = await this.dataSource.transaction(async (manager) => {
      const result: [unknown[], number] = await manager.query(
        `UPDATE committee_board_entries SET overdue_reminded_round = $2, overdue_reminded_at = $3, updated_at = now()
         WHERE help_request_id = $1 AND overdue_reminded_round IS DISTINCT FROM $2`,
        [helpRequestId, round, now],
      );
      if (!result[1]) return false;
      await this.audit.record(
        {
          actorId: null,
          action: 'committee.study_overdue',
          entityType: 'help_request',
          entityId: helpRequestId,
          after: { round, dueAt: dueAt.toISOString(), remindedAt: now.toISOString(), notified: staff.length },
          ip: null,
        },
        manager,
      );
      return true;
    });
    if (!marked) return { status: 'skipped', reason: 'already reminded for this round' };
    this.logger.log(`help request ${helpRequestId} (ticket ${ticket.number}): committee study overdue since ${request.committeeDueAt.toISOString()}`);
    await this.publish(request, 'study_overdue');
    return { status: 'reminded' };
  }

  /** Handed-off requests whose card is missing or of an earlier round (the job was not queued: Redis was away). */
  async unplaced(olderThanMs = 30_000, batch = 200): Promise<{ id: string; round: number }[]> {
    const rows: { id: string; handoff_round: number }[] = await this.dataSource.query(
      `SELECT hr.id, hr.handoff_round FROM help_requests hr
       LEFT JOIN committee_board_entries b ON b.help_request_id = hr.id
       WHERE hr.status = 'with_committee' AND (b.id IS NULL OR b.round < hr.handoff_round)
         AND hr.handed_off_at < now() - ($1::int * interval '1 millisecond')
       ORDER BY hr.handed_off_at LIMIT $2`,
      [olderThanMs, batch],
    );
    return rows.map((r) => ({ id: r.id, round: Number(r.handoff_round) }));
  }

  private async publish(request: HelpRequest, change: string): Promise<void> {
    await this.events.changed(request.ticketId, { id: request.id, status: request.status, change });
  }
}
