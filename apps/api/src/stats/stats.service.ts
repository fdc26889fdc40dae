import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DailyChannelVolumeView, OpenTicketsCountView, SlaFiguresView, StatsOverviewResponse } from './stats.views.js';

const ACTIVE = `('new','open','pending','with_committee')`;
/** Same rule as the supervisor's team load (libs/workflow TeamLoadService). */
const BREACHING = `((t.first_responded_at IS NULL AND t.first_response_due_at < now()) OR (t.status IN ('new','open') AND t.resolution_due_at < now()))`;

export function compliance(met: number, breached: number): number | null {
  const decided = met + breached;
  return decided === 0 ? null : Math.round((met / decided) * 1000) / 10;
}

function figures(met: number, breached: number, running: number): SlaFiguresView {
  return { met, breached, running, compliance: compliance(met, breached) };
}

/** Read-only aggregates for the supervisor dashboard: one SQL query per figure group, no writes. */
@Injectable()
export class StatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async overview(days: number): Promise<StatsOverviewResponse> {
    // Riyadh midnight `days - 1` days ago, as an instant.
    const [{ from, to }]: { from: Date; to: Date }[] = await this.dataSource.query(
      `SELECT (date_trunc('day', now() AT TIME ZONE 'Asia/Riyadh') - ($1::int - 1) * interval '1 day') AT TIME ZONE 'Asia/Riyadh' AS "from", now() AS "to"`,
      [days],
    );

    const [totals]: Record<string, string>[] = await this.dataSource.query(
      `SELECT
         (SELECT count(*) FROM tickets t WHERE t.created_at >= $1) AS created,
         (SELECT count(*) FROM tickets t WHERE t.resolved_at >= $1) AS resolved,
         (SELECT count(*) FROM tickets t WHERE t.status IN ${ACTIVE}) AS open,
         (SELECT count(*) FROM tickets t WHERE t.status IN ${ACTIVE} AND t.assignee_id IS NULL) AS unassigned,
         (SELECT count(*) FROM tickets t WHERE t.status IN ('new','open','pending') AND ${BREACHING}) AS breaching`,
      [from],
    );

    const open: { team_id: string | null; name: string | null; name_en: string | null; status: string; count: string }[] =
      await this.dataSource.query(
        `SELECT t.team_id, tm.name, tm.name_en, t.status, count(*) AS count
         FROM tickets t LEFT JOIN teams tm ON tm.id = t.team_id
        WHERE t.status IN ${ACTIVE}
        GROUP BY t.team_id, tm.name, tm.name_en, t.status
        ORDER BY tm.name NULLS LAST, t.status`,
      );

    const volume: { day: string; channel: string; count: string }[] = await this.dataSource.query(
      `SELECT to_char(t.created_at AT TIME ZONE 'Asia/Riyadh', 'YYYY-MM-DD') AS day, t.channel, count(*) AS count
         FROM tickets t WHERE t.created_at >= $1
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [from],
    );

    const [sla]: Record<string, string>[] = await this.dataSource.query(
      `SELECT
         count(*) FILTER (WHERE t.first_response_due_at IS NOT NULL AND t.first_responded_at <= t.first_response_due_at) AS frt_met,
         count(*) FILTER (WHERE t.first_response_due_at IS NOT NULL AND (t.first_responded_at > t.first_response_due_at
                                 OR (t.first_responded_at IS NULL AND t.first_response_due_at < now()))) AS frt_breached,
         count(*) FILTER (WHERE t.first_response_due_at IS NOT NULL AND t.first_responded_at IS NULL AND t.first_response_due_at >= now()) AS frt_running,
         count(*) FILTER (WHERE t.resolution_due_at IS NOT NULL AND t.resolved_at <= t.resolution_due_at) AS res_met,
         count(*) FILTER (WHERE t.resolution_due_at IS NOT NULL AND (t.resolved_at > t.resolution_due_at
                                 OR (t.resolved_at IS NULL AND t.status IN ('new','open') AND t.resolution_due_at < now()))) AS res_breached,
         count(*) FILTER (WHERE t.resolution_due_at IS NOT NULL AND t.resolved_at IS NULL
                                 AND NOT (t.status IN ('new','open') AND t.resolution_due_at < now())) AS res_running
         FROM tickets t WHERE t.created_at >= $1`,
      [from],
    );
    const n = (value: string | undefined) => Number(value ?? 0);

    return {
      days,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      totals: {
        created: n(totals?.created),
        resolved: n(totals?.resolved),
        open: n(totals?.open),
        unassigned: n(totals?.unassigned),
        breaching: n(totals?.breaching),
      },
      openByTeamAndStatus: open.map((r): OpenTicketsCountView => ({
        teamId: r.team_id,
        teamName: r.name,
        teamNameEn: r.name_en,
        status: r.status,
        count: Number(r.count),
      })),
      volumeByDay: volume.map((r): DailyChannelVolumeView => ({ day: r.day, channel: r.channel, count: Number(r.count) })),
      sla: {
        firstResponse: figures(n(sla?.frt_met), n(sla?.frt_breached), n(sla?.frt_running)),
        resolution: figures(n(sla?.res_met), n(sla?.res_breached), n(sla?.res_running)),
      },
    };
  }
}
