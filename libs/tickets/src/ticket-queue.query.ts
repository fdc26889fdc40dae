import type { Repository, SelectQueryBuilder } from 'typeorm';
import { containsPattern, decodeCursor, normalizeSearchText } from '@app/common';
import { type Channel, normalizeIdentityAddress } from '@app/contacts';
import { parseTicketNumber } from './ticket-number.service.js';
import { ACTIVE_STATUSES, type TicketPriority, type TicketStatus, type TicketType } from './ticket-vocabulary.js';
import type { Ticket } from './ticket.entity.js';
import type { Viewer } from './tickets.service.js';

export type TicketSort = 'recent' | 'oldest' | 'newest' | 'due';

export interface TicketListQuery {
  status?: TicketStatus[];
  channel?: Channel[];
  type?: TicketType[];
  priority?: TicketPriority[];
  assigneeId?: string;
  teamId?: string;
  categoryId?: string;
  contactId?: string;
  mine?: boolean;
  unassigned?: boolean;
  overdue?: boolean;
  q?: string;
  sort?: TicketSort;
  limit: number;
  cursor?: string;
}

interface SortOrder {
  expr: string;
  dir: 'ASC' | 'DESC';
  key: (t: Ticket) => string;
}

/** Sort orders and the keyset expression each pages on. `due` puts tickets without a deadline last. */
const SORTS: Record<TicketSort, SortOrder> = {
  recent: { expr: 't.last_activity_at', dir: 'DESC', key: (t) => t.lastActivityAt.toISOString() },
  newest: { expr: 't.created_at', dir: 'DESC', key: (t) => t.createdAt.toISOString() },
  oldest: { expr: 't.created_at', dir: 'ASC', key: (t) => t.createdAt.toISOString() },
  due: {
    expr: "COALESCE(t.resolution_due_at, 'infinity'::timestamptz)",
    dir: 'ASC',
    key: (t) => (t.resolutionDueAt ? t.resolutionDueAt.toISOString() : 'infinity'),
  },
};

export function sortOf(query: TicketListQuery): SortOrder {
  return SORTS[query.sort ?? 'recent'];
}

/**
 * The statement selecting one page of the queue: `limit + 1` ticket ids (the extra one tells whether
 * a next page exists), in the sort order, after the cursor.
 *
 * A text search is one branch per way a ticket can match (subject, contact name, message text,
 * number, phone), each with every filter, the cursor and its own ORDER BY … LIMIT, joined by UNION
 * and ordered and limited again: the top of the union of each branch's top is the same page. One
 * statement with the matches OR-ed together cannot use any index for them, so it reads every ticket
 * (and for a common word never finishes); as branches, the planner can walk the queue in order for
 * a common word and collect the few matches from the trigram index for a rare one
 * (docs/benchmarks.md, "Queue and search").
 */
export function ticketPageQuery(tickets: Repository<Ticket>, query: TicketListQuery, viewer: Viewer): SelectQueryBuilder<Ticket> {
  const sort = sortOf(query);
  const branch = (match?: string): SelectQueryBuilder<Ticket> => {
    const qb = tickets.createQueryBuilder('t').select('t.id', 'id').addSelect(sort.expr, 'sort_key');
    applyFilters(qb, query, viewer, sort);
    if (match) qb.andWhere(match);
    return qb
      .orderBy(sort.expr, sort.dir)
      .addOrderBy('t.id', sort.dir)
      .limit(query.limit + 1);
  };

  const q = query.q?.trim();
  if (!q) return branch();

  const needle = normalizeSearchText(q);
  const pairs = wordPairQuery(needle);
  const number = parseTicketNumber(q);
  const phone = normalizeIdentityAddress('phone', q);
  // Subjects and contacts: one LIKE on the whole text, whose share of rows PostgreSQL estimates well from its
  // statistics; word by word it multiplies the words' shares as if they were independent and picks the wrong plan.
  const matches = [
    't.subject_search LIKE :text_like',
    't.contact_id IN (SELECT c.id FROM contacts c WHERE c.search_text LIKE :text_like)',
    pairs
      ? 'EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id AND search_word_pairs(m.search_text) @@ :text_pairs::tsquery AND strpos(m.search_text, :text_phrase) > 0)'
      : 'EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id AND m.search_text LIKE :text_like)',
  ];
  if (number) matches.push('t.number = :number');
  if (phone) matches.push("t.contact_id IN (SELECT ci.contact_id FROM contact_identities ci WHERE ci.kind = 'phone' AND ci.address = :phone)");

  const branches = matches.map((m) => branch(m));
  // Every branch carries the same named parameters; the outer builder expands them once.
  const union = branches.map((b) => `(${b.getQuery()})`).join(' UNION ');
  return tickets.manager
    .createQueryBuilder()
    .select('u.id', 'id')
    .addSelect('u.sort_key', 'sort_key')
    .from(`(${union})`, 'u')
    .setParameters({ ...branches[0]!.getParameters(), text_like: containsPattern(needle), text_phrase: needle, text_pairs: pairs, number, phone })
    .orderBy('u.sort_key', sort.dir)
    .addOrderBy('u.id', sort.dir)
    .limit(query.limit + 1) as SelectQueryBuilder<Ticket>;
}

/**
 * Several words in message text are looked up by their adjacent pairs (index `idx_messages_search_pairs`,
 * migration IndexMessageWordPairs): a phrase of common words is in few messages although each word is in
 * many, and only pairs narrow it that far. Every pair must be there, the last one as a prefix (so الإيجار also
 * finds الإيجارات); the exact phrase is then checked with `strpos`. Null for a single word.
 */
function wordPairQuery(needle: string): string | null {
  const words = needle.split(' ');
  if (words.length < 2) return null;
  const lexeme = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  const pairs = words.slice(1).map((w, i) => lexeme(`${words[i]} ${w}`));
  return `${pairs.join(' & ')}:*`;
}

function applyFilters(qb: SelectQueryBuilder<Ticket>, query: TicketListQuery, viewer: Viewer, sort: SortOrder): void {
  // The research committee works on help requests only.
  if (viewer.role === 'committee') qb.andWhere("t.type = 'help_request'");
  if (query.status?.length) qb.andWhere('t.status IN (:...status)', { status: query.status });
  if (query.channel?.length) qb.andWhere('t.channel IN (:...channel)', { channel: query.channel });
  if (query.type?.length) qb.andWhere('t.type IN (:...type)', { type: query.type });
  if (query.priority?.length) qb.andWhere('t.priority IN (:...priority)', { priority: query.priority });
  if (query.assigneeId) qb.andWhere('t.assignee_id = :assigneeId', { assigneeId: query.assigneeId });
  if (query.mine) qb.andWhere('t.assignee_id = :me', { me: viewer.id });
  if (query.unassigned) qb.andWhere('t.assignee_id IS NULL');
  if (query.teamId) qb.andWhere('t.team_id = :teamId', { teamId: query.teamId });
  if (query.categoryId) qb.andWhere('t.category_id = :categoryId', { categoryId: query.categoryId });
  if (query.contactId) qb.andWhere('t.contact_id = :contactId', { contactId: query.contactId });
  if (query.overdue) {
    qb.andWhere('t.status IN (:...active)', { active: ACTIVE_STATUSES.filter((s) => s !== 'with_committee') });
    qb.andWhere('((t.first_responded_at IS NULL AND t.first_response_due_at < now()) OR t.resolution_due_at < now())');
  }
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['k', 'id'] as const);
    const op = sort.dir === 'DESC' ? '<' : '>';
    qb.andWhere(`(${sort.expr}, t.id) ${op} (:ck::timestamptz, :cid::uuid)`, { ck: c.k, cid: c.id });
  }
}
