import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationsService } from '@app/notifications';
import { Category, type Ticket, TicketsService } from '@app/tickets';
import { SlaClockService } from '../sla/sla-clock.service.js';
import { isBreaching, MAX_ESCALATION_LEVEL } from '../sla/sla-plan.js';

/**
 * The escalation chain when a target is missed: level 1 tells the assignee and the category's
 * competent officer; level 2 gives the ticket to the competent officer; level 3 tells the team's
 * supervisors. Each step is a note on the ticket, an audit entry and a live event.
 */
@Injectable()
export class EscalationService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly notifications: NotificationsService,
    private readonly clock: SlaClockService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async warn(ticket: Ticket, target: 'first_response' | 'resolution'): Promise<void> {
    const recipients = ticket.assigneeId ? [ticket.assigneeId] : await this.supervisorsOf(ticket.teamId);
    const what = target === 'first_response' ? 'الرد الأول' : 'الحل';
    await this.notifications.notify(recipients, {
      kind: 'sla.warning',
      ticketId: ticket.id,
      title: `اقتراب موعد ${what} للتذكرة ${ticket.number}`,
      body: `مضى 80% من الوقت المحدد لـ${what}. الموعد: ${(target === 'first_response' ? ticket.firstResponseDueAt : ticket.resolutionDueAt)?.toISOString() ?? ''}`,
    });
  }

  /** A breach raises the ticket to level 1 (once); later levels follow on the escalation timer. */
  async breach(ticket: Ticket, target: 'first_response' | 'resolution'): Promise<void> {
    if (ticket.escalationLevel >= 1) return;
    await this.raise(ticket, 1, target === 'first_response' ? 'تجاوز موعد الرد الأول' : 'تجاوز موعد الحل');
  }

  async step(ticket: Ticket): Promise<void> {
    if (ticket.escalationLevel < 1 || ticket.escalationLevel >= MAX_ESCALATION_LEVEL || !isBreaching(ticket, new Date())) return;
    await this.raise(ticket, ticket.escalationLevel + 1, 'استمرار التأخر بعد التصعيد');
  }

  private async raise(ticket: Ticket, level: number, reason: string): Promise<void> {
    const competent = await this.competentOfficerOf(ticket.categoryId);
    const supervisors = await this.supervisorsOf(ticket.teamId);
    const note =
      level === 1
        ? `تصعيد آلي (المستوى 1): ${reason}. تم إشعار المسؤول عن التذكرة${competent ? ' والمسؤول المختص' : ''}.`
        : level === 2
          ? `تصعيد آلي (المستوى 2): ${reason}. ${competent ? 'أُسندت التذكرة إلى المسؤول المختص.' : 'لا يوجد مسؤول مختص للتصنيف.'}`
          : `تصعيد آلي (المستوى 3): ${reason}. تم إشعار مشرفي الفريق.`;
    // Reassign first, so whoever sees level 2 also sees the competent officer on the ticket.
    if (level === 2 && competent) await this.tickets.assignBySystem(ticket.id, competent, 'escalation level 2: the competent officer');
    const updated = await this.tickets.applySystemChanges(
      ticket.id,
      { escalationLevel: level, lastEscalatedAt: new Date() },
      { action: 'ticket.escalated', note, meta: { level, reason, automatic: true } },
    );
    const recipients = level === 1 ? [ticket.assigneeId, competent] : level === 2 ? [competent, ...supervisors] : supervisors;
    await this.notifications.notify(recipients, {
      kind: 'ticket.escalated',
      ticketId: ticket.id,
      title: `تصعيد التذكرة ${ticket.number} — المستوى ${level}`,
      body: reason,
    });
    await this.clock.refreshTimers(updated);
  }

  async competentOfficerOf(categoryId: string | null): Promise<string | null> {
    if (!categoryId) return null;
    const category = await this.dataSource.getRepository(Category).findOneBy({ id: categoryId });
    return category?.competentOfficerId ?? null;
  }

  async supervisorsOf(teamId: string | null): Promise<string[]> {
    const rows: { id: string }[] = teamId
      ? await this.dataSource.query(
          `SELECT u.id FROM users u JOIN team_memberships m ON m.user_id = u.id WHERE m.team_id = $1 AND u.role = 'supervisor' AND u.active`,
          [teamId],
        )
      : await this.dataSource.query(`SELECT id FROM users WHERE role = 'supervisor' AND active`);
    return rows.map((r) => r.id);
  }
}
