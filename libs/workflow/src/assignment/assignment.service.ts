import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type FindOptionsSelect } from 'typeorm';
import { DomainError } from '@app/common';
import { withAdvisoryLock } from '@app/database';
import { Category, Ticket, TicketsService } from '@app/tickets';
import { Team } from '@app/users';
import { chooseAssignee, type OfficerCandidate } from './assignee-chooser.js';

/** What automatic assignment reads of a ticket. */
export type AssignableTicket = Pick<Ticket, 'id' | 'assigneeId' | 'teamId' | 'status' | 'categoryId'>;

/** Automatic assignment within a team (round robin or least loaded), with skills, availability and a maximum load. */
@Injectable()
export class AssignmentService {
  private readonly logger = new Logger(AssignmentService.name);

  constructor(
    private readonly tickets: TicketsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Assigns an unassigned ticket of an automatic team; returns the officer, or null when it waits in the queue.
   * `loaded`: the ticket as the caller has just read or written it, so it is not read again before the lock.
   */
  async autoAssign(ticketId: string, loaded?: AssignableTicket): Promise<string | null> {
    const ticket = loaded?.id === ticketId ? loaded : await this.assignable(ticketId, { teamId: true, status: true, categoryId: true });
    if (ticket.assigneeId || !ticket.teamId || !['new', 'open', 'pending'].includes(ticket.status)) return null;
    const teamId = ticket.teamId;
    return withAdvisoryLock(this.dataSource, `assign:${teamId}`, async () => {
      const team = await this.dataSource.getRepository(Team).findOneBy({ id: teamId });
      if (!team || team.assignmentMode === 'manual') return null;
      // Under the team's lock: another run may have assigned it meanwhile.
      const fresh = await this.assignable(ticketId, {});
      if (fresh.assigneeId) return fresh.assigneeId;
      const candidates = await this.candidates(teamId, ticket.categoryId);
      const chosen = chooseAssignee(team.assignmentMode, candidates, team.maxOpenPerOfficer, team.lastAssignedUserId);
      if (!chosen) return null;
      await this.dataSource.getRepository(Team).update(teamId, { lastAssignedUserId: chosen });
      await this.tickets.assignBySystem(ticketId, chosen, `automatic assignment (${team.assignmentMode})`);
      return chosen;
    });
  }

  /** Hands waiting tickets of a team to officers who became available or have room again (oldest first). */
  async assignWaiting(teamId: string, limit = 50): Promise<number> {
    const waiting = await this.dataSource
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .select('t.id')
      .where("t.team_id = :teamId AND t.assignee_id IS NULL AND t.status IN ('new', 'open')", { teamId })
      .orderBy('t.created_at', 'ASC')
      .limit(limit)
      .getMany();
    let assigned = 0;
    for (const { id } of waiting) {
      if (!(await this.autoAssign(id))) break;
      if (++assigned >= limit) break;
    }
    return assigned;
  }

  /** Team officers with what automatic assignment needs to know about them. */
  async candidates(teamId: string, categoryId: string | null): Promise<OfficerCandidate[]> {
    const category = categoryId ? await this.dataSource.getRepository(Category).findOneBy({ id: categoryId }) : null;
    const rows: { id: string; active: boolean; availability: string; skilled: boolean; open: string }[] = await this.dataSource.query(
      `SELECT u.id, u.active, u.availability,
              ($2::uuid IS NULL OR NOT $3::boolean OR EXISTS (SELECT 1 FROM user_skills s WHERE s.user_id = u.id AND s.category_id = $2)) AS skilled,
              (SELECT count(*) FROM tickets t WHERE t.assignee_id = u.id AND t.status IN ('new', 'open', 'pending')) AS open
         FROM users u JOIN team_memberships m ON m.user_id = u.id
        WHERE m.team_id = $1 AND u.role = 'officer'`,
      [teamId, categoryId, category?.requiresSkill ?? false],
    );
    return rows.map((r) => ({
      userId: r.id,
      active: r.active,
      available: r.availability === 'available',
      skilled: r.skilled,
      openTickets: Number(r.open),
    }));
  }

  /** Only the columns assignment decides on: one row, no joins. */
  private async assignable(ticketId: string, columns: FindOptionsSelect<Ticket>): Promise<AssignableTicket> {
    const ticket = await this.dataSource
      .getRepository(Ticket)
      .findOne({ select: { id: true, assigneeId: true, ...columns }, where: { id: ticketId } });
    if (!ticket) throw DomainError.notFound('Ticket', ticketId);
    return ticket;
  }
}
