import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { decodeCursor, DomainError, encodeCursor } from '@app/common';
import type { Channel } from '@app/contacts';
import type { TicketType } from '@app/tickets';
import type { StaffRole } from '@app/users';
import { addCounts, type SurveyCounts, type SurveyFigures, surveyFigures } from './survey-figures.js';
import { SurveyInvitation } from './survey-invitation.entity.js';
import type { SurveyAnswers } from './survey-questions.js';

export const SURVEY_GROUPS = ['period', 'channel', 'type', 'category', 'team', 'officer'] as const;
export type SurveyGroupBy = (typeof SURVEY_GROUPS)[number];
export const SURVEY_INTERVALS = ['day', 'week', 'month'] as const;
export type SurveyInterval = (typeof SURVEY_INTERVALS)[number];

export interface SurveyFilter {
  /** Invitations sent at or after. */
  from?: Date;
  /** Invitations sent before. */
  to?: Date;
  channel?: Channel[];
  type?: TicketType[];
  categoryId?: string;
  teamId?: string;
}

export interface SurveyResultsQuery extends SurveyFilter {
  groupBy?: SurveyGroupBy;
  interval?: SurveyInterval;
}

export type SurveyGroupView = SurveyFigures & { key: string | null; label: string | null };

export interface SurveyResultsView {
  from: string | null;
  to: string | null;
  groupBy: SurveyGroupBy | null;
  interval: SurveyInterval | null;
  totals: SurveyFigures;
  groups: SurveyGroupView[];
}

export interface SurveyCommentView {
  responseId: string;
  ticketId: string;
  ticketNumber: string;
  channel: string;
  type: string;
  team: string | null;
  category: string | null;
  score: number;
  answers: SurveyAnswers;
  comment: string;
  recoveryTicketId: string | null;
  answeredAt: string;
}

/** Who may see results grouped by officer: supervisors and admins, never the officers themselves. */
export function maySeeOfficerResults(role: StaffRole): boolean {
  return role === 'supervisor' || role === 'admin';
}

const LOCAL_SENT = "(i.sent_at AT TIME ZONE 'Asia/Riyadh')";
const PERIOD_KEY: Record<SurveyInterval, string> = {
  day: `to_char(${LOCAL_SENT}, 'YYYY-MM-DD')`,
  // The Saudi work week starts on Sunday: each week is named by its Sunday.
  week: `to_char(date_trunc('week', ${LOCAL_SENT} + interval '1 day') - interval '1 day', 'YYYY-MM-DD')`,
  month: `to_char(${LOCAL_SENT}, 'YYYY-MM')`,
};

interface GroupRow {
  key: string | null;
  label: string | null;
  sent: string;
  answered: string;
  satisfied: string;
  score_sum: string;
}

/** Survey results for supervisors and admins: sent, answered, response rate, CSAT (share of 4–5), average; and the comments. */
@Injectable()
export class SurveyResultsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async results(query: SurveyResultsQuery, viewer: { role: StaffRole }): Promise<SurveyResultsView> {
    if (query.groupBy === 'officer' && !maySeeOfficerResults(viewer.role)) {
      throw new DomainError('forbidden', 'results per officer are for supervisors and admins');
    }
    const qb = this.base(query).leftJoin('survey_responses', 'r', 'r.invitation_id = i.id');
    const interval = query.groupBy === 'period' ? (query.interval ?? 'month') : null;
    this.applyGroup(qb, query.groupBy, interval ?? 'month');
    qb.addSelect('count(*)', 'sent')
      .addSelect('count(r.id)', 'answered')
      .addSelect('count(r.id) FILTER (WHERE r.score >= 4)', 'satisfied')
      .addSelect('coalesce(sum(r.score), 0)', 'score_sum');
    const rows = await qb.getRawMany<GroupRow>();
    const groups = rows.map((row) => ({ counts: toCounts(row), key: row.key, label: row.label }));
    const totals = groups.reduce((sum, g) => addCounts(sum, g.counts), { sent: 0, answered: 0, satisfied: 0, scoreSum: 0 });
    return {
      from: query.from?.toISOString() ?? null,
      to: query.to?.toISOString() ?? null,
      groupBy: query.groupBy ?? null,
      interval,
      totals: surveyFigures(totals),
      groups: query.groupBy ? groups.map((g) => ({ key: g.key, label: g.label, ...surveyFigures(g.counts) })) : [],
    };
  }

  /** Answers with a comment, newest first, keyset-paginated. */
  async comments(query: SurveyFilter & { limit: number; cursor?: string }): Promise<{ items: SurveyCommentView[]; nextCursor: string | null }> {
    const qb = this.base(query)
      .innerJoin('survey_responses', 'r', 'r.invitation_id = i.id')
      .innerJoin('tickets', 't', 't.id = i.ticket_id')
      .leftJoin('teams', 'tm', 'tm.id = i.team_id')
      .leftJoin('categories', 'c', 'c.id = i.category_id')
      .andWhere('r.comment IS NOT NULL')
      .select([
        'r.id AS response_id',
        'i.ticket_id AS ticket_id',
        't.number AS ticket_number',
        'i.channel AS channel',
        'i.ticket_type AS type',
        'tm.name AS team',
        'c.name AS category',
        'r.score AS score',
        'r.answers AS answers',
        'r.comment AS comment',
        'r.recovery_ticket_id AS recovery_ticket_id',
        'r.created_at AS answered_at',
      ])
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(query.limit + 1);
    if (query.cursor) {
      const c = decodeCursor(query.cursor, ['at', 'id'] as const);
      qb.andWhere('(r.created_at, r.id) < (:at::timestamptz, :id::uuid)', { at: c.at, id: c.id });
    }
    const rows = await qb.getRawMany<{
      response_id: string;
      ticket_id: string;
      ticket_number: string;
      channel: string;
      type: string;
      team: string | null;
      category: string | null;
      score: number;
      answers: SurveyAnswers;
      comment: string;
      recovery_ticket_id: string | null;
      answered_at: Date;
    }>();
    const items = rows.slice(0, query.limit).map((r) => ({
      responseId: r.response_id,
      ticketId: r.ticket_id,
      ticketNumber: r.ticket_number,
      channel: r.channel,
      type: r.type,
      team: r.team,
      category: r.category,
      score: Number(r.score),
      answers: r.answers,
      comment: r.comment,
      recoveryTicketId: r.recovery_ticket_id,
      answeredAt: new Date(r.answered_at).toISOString(),
    }));
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.answeredAt, id: last.responseId }) : null };
  }

  private base(filter: SurveyFilter): SelectQueryBuilder<SurveyInvitation> {
    const qb = this.dataSource.getRepository(SurveyInvitation).createQueryBuilder('i').select([]).where('i.sent_at IS NOT NULL');
    if (filter.from) qb.andWhere('i.sent_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('i.sent_at < :to', { to: filter.to });
    if (filter.channel?.length) qb.andWhere('i.channel IN (:...channel)', { channel: filter.channel });
    if (filter.type?.length) qb.andWhere('i.ticket_type IN (:...type)', { type: filter.type });
    if (filter.categoryId) qb.andWhere('i.category_id = :categoryId', { categoryId: filter.categoryId });
    if (filter.teamId) qb.andWhere('i.team_id = :teamId', { teamId: filter.teamId });
    return qb;
  }

  private applyGroup(qb: SelectQueryBuilder<SurveyInvitation>, groupBy: SurveyGroupBy | undefined, interval: SurveyInterval): void {
    switch (groupBy) {
      case undefined:
        qb.addSelect('NULL', 'key').addSelect('NULL', 'label');
        return;
      case 'period': {
        const key = PERIOD_KEY[interval];
        qb.addSelect(key, 'key').addSelect(key, 'label').groupBy(key).orderBy(key, 'ASC');
        return;
      }
      case 'channel':
      case 'type': {
        const column = groupBy === 'channel' ? 'i.channel' : 'i.ticket_type';
        qb.addSelect(column, 'key').addSelect(column, 'label').groupBy(column).orderBy(column, 'ASC');
        return;
      }
      case 'category':
      case 'team':
      case 'officer': {
        // Grouped by id, labelled (and ordered) by the joined row's name.
        const { table, alias, column } = NAMED_GROUPS[groupBy];
        qb.leftJoin(table, alias, `${alias}.id = ${column}`)
          .addSelect(`${column}::text`, 'key')
          .addSelect(`${alias}.name`, 'label')
          .groupBy(column)
          .addGroupBy(`${alias}.name`)
          .orderBy(`${alias}.name`, 'ASC', 'NULLS LAST');
        return;
      }
    }
  }
}

const NAMED_GROUPS = {
  category: { table: 'categories', alias: 'c', column: 'i.category_id' },
  team: { table: 'teams', alias: 'tm', column: 'i.team_id' },
  officer: { table: 'users', alias: 'u', column: 'i.assignee_id' },
} as const;

function toCounts(row: GroupRow): SurveyCounts {
  return { sent: Number(row.sent), answered: Number(row.answered), satisfied: Number(row.satisfied), scoreSum: Number(row.score_sum) };
}
