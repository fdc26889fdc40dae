// The rewritten "page of ids" statement for a queue search, measured by `run.mjs --variant proposed`
// (see docs/benchmarks.md, "What fixes the search"). Instead of one scan of `tickets` filtered by
// `subject LIKE … OR contact_id IN (…) OR id IN (SELECT ticket_id FROM messages …)`, every way a
// ticket can match is its own branch with the queue's filters, cursor, order and LIMIT, so the
// planner can pick per branch: walk the queue in order and probe (common words), or collect the
// few matches from the trigram index and sort them (rare words, names, phones, numbers). The top
// `limit + 1` of the union of each branch's top `limit + 1` is the same page the service returns.
//
// Supports the filters the benchmark uses (status, teamId, cursor) with the default `recent` sort.
export function proposedSearchSql(query, { normalizeSearchText, parseTicketNumber, normalizePhoneNumber, decodeCursor }) {
  for (const k of Object.keys(query)) {
    if (!['q', 'status', 'teamId', 'cursor', 'limit'].includes(k)) throw new Error(`proposedSearchSql: filter ${k} is not supported`);
  }
  const params = [];
  const p = (v) => (params.push(v), `$${params.length}`);
  const escapeLike = (s) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

  const filters = [];
  if (query.status?.length) filters.push(`t.status IN (${query.status.map(p).join(', ')})`);
  if (query.teamId) filters.push(`t.team_id = ${p(query.teamId)}`);
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['k', 'id']);
    filters.push(`(t.last_activity_at, t.id) < (${p(c.k)}::timestamptz, ${p(c.id)}::uuid)`);
  }
  const n = query.limit + 1;
  const like = p(`%${escapeLike(normalizeSearchText(query.q))}%`);
  const number = parseTicketNumber(query.q);
  const phone = normalizePhoneNumber(query.q);

  const matches = [
    `t.subject_search LIKE ${like}`,
    `t.contact_id IN (SELECT c.id FROM contacts c WHERE c.search_text LIKE ${like})`,
    `EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id AND m.search_text LIKE ${like})`,
  ];
  if (number) matches.push(`t.number = ${p(number)}`);
  if (phone) matches.push(`t.contact_id IN (SELECT ci.contact_id FROM contact_identities ci WHERE ci.kind = 'phone' AND ci.address = ${p(phone)})`);

  const branch = (m) =>
    `(SELECT t.id, t.last_activity_at FROM tickets t WHERE ${[...filters, m].join(' AND ')} ORDER BY t.last_activity_at DESC, t.id DESC LIMIT ${n})`;
  const text = `SELECT u.id AS "t_id" FROM (\n  ${matches.map(branch).join('\n  UNION\n  ')}\n) u ORDER BY u.last_activity_at DESC, u.id DESC LIMIT ${n}`;
  return { text, params };
}
