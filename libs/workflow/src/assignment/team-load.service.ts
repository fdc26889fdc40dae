import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/common';

export interface TeamLoad {
  teamId: string;
  officers: { id: string; name: string; role: string; availability: string; active: boolean; openTickets: number; breachingTickets: number }[];
  unassigned: number;
  breaching: {
    id: string;
    number: string;
    subject: string;
    assigneeId: string | null;
    firstResponseDueAt: string | null;
    resolutionDueAt: string | null;
    escalationLevel: number;
  }[];
}

/** What a supervisor watches: each officer's load and availability, and the team's breaching tickets. */
@Injectable()
export class TeamLoadService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(teamId: string): Promise<TeamLoad> {
    const team: unknown[] = await this.dataSource.query('SELECT 1 FROM teams WHERE id = $1', [teamId]);
    if (!team.length) throw DomainError.notFound('Team', teamId);
    const breachingSql = `(t.first_responded_at IS NULL AND t.first_response_due_at < now()) OR (t.status IN ('new','open') AND t.resolution_due_at < now())`;
    const officers: { id: string; name: string; role: string; availability: string; active: boolean; open: string; breaching: string }[] =
      await this.dataSource.query(
        `SELECT u.id, u.name, u.role, u.availability, u.active,
              (SELECT count(*) FROM tickets t WHERE t.assignee_id = u.id AND t.status IN ('new','open','pending')) AS open,
              (SELECT count(*) FROM tickets t WHERE t.assignee_id = u.id AND t.status IN ('new','open','pending') AND (${breachingSql})) AS breaching
         FROM users u JOIN team_memberships m ON m.user_id = u.id
        WHERE m.team_id = $1 AND u.role IN ('officer', 'supervisor')
        ORDER BY u.name`,
        [teamId],
      );
    const [{ unassigned }]: { unassigned: string }[] = await this.dataSource.query(
      `SELECT count(*) AS unassigned FROM tickets t WHERE t.team_id = $1 AND t.assignee_id IS NULL AND t.status IN ('new','open','pending')`,
      [teamId],
    );
    const breaching: {
      id: string;
      number: string;
      subject: string;
      assignee_id: string | null;
      first_response_due_at: Date | null;
      resolution_due_at: Date | null;
      escalation_level: number;
    }[] = await this.dataSource.query(
      `SELECT t.id, t.number, t.subject, t.assignee_id, t.first_response_due_at, t.resolution_due_at, t.escalation_level
           FROM tickets t WHERE t.team_id = $1 AND t.status IN ('new','open','pending') AND (${breachingSql})
          ORDER BY LEAST(COALESCE(t.first_response_due_at, 'infinity'), COALESCE(t.resolution_due_at, 'infinity')) LIMIT 200`,
      [teamId],
    );
    return {
      teamId,
      officers: officers.map((o) => ({
        id: o.id,
        name: o.name,
        role: o.role,
        availability: o.availability,
        active: o.active,
        openTickets: Number(o.open),
        breachingTickets: Number(o.breaching),
      })),
      unassigned: Number(unassigned),
      breaching: breaching.map((b) => ({
        id: b.id,
        number: b.number,
        subject: b.subject,
        assigneeId: b.assignee_id,
        firstResponseDueAt: b.first_response_due_at?.toISOString() ?? null,
        resolutionDueAt: b.resolution_due_at?.toISOString() ?? null,
        escalationLevel: b.escalation_level,
      })),
    };
  }
}
