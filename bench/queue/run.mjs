#!/usr/bin/env node
// Measures the ticket queue and its Arabic search on the seeded benchmark database.
//
//   node bench/queue/run.mjs [--iterations 200] [--warmup 20] [--url postgres://…/helpdesk_bench]
//                            [--api http://127.0.0.1:3000 (--token T | --email E --password P)]
//                            [--only name,name] [--no-explain] [--tag label]
//
// It starts nothing. The SQL is not written here: the compiled TicketsService.list() runs once per
// scenario against the database through a TypeORM DataSource whose logger records every statement,
// and those exact statements (text + parameters) are then replayed with `pg` ≥ N times. The same
// scenarios also run through the service itself (TypeORM + entity hydration) and, with --api,
// through GET /api/v1/tickets of a running api.
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
// The compiled product (`npm run build:server`). --dist / BENCH_DIST point at another copy, e.g. a
// snapshot taken while others rebuild the shared dist/ (keep a node_modules beside it or above it).
const distArg = process.argv.indexOf('--dist');
const distDir = path.resolve(distArg > 0 ? process.argv[distArg + 1] : (process.env.BENCH_DIST ?? path.join(root, 'dist')));
const dist = (p) => pathToFileURL(path.join(distDir, p)).href;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const URL_ = option('url', process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/helpdesk_bench');
const ITERATIONS = Number(option('iterations', '200'));
const WARMUP = Number(option('warmup', '20'));
const API = option('api', null);
const ONLY = option('only', null)?.split(',');
const EXPLAIN = !args.includes('--no-explain');
const PLAN_ONLY = args.includes('--plan-only');
/**
 * A statement slower than --timeout is cancelled and reported as such. A scenario whose first run
 * takes longer than --budget (far over every target) gets about a minute of runs instead of N.
 */
const TIMEOUT_MS = Number(option('timeout', '120000'));
const BUDGET_MS = Number(option('budget', '1000'));
const TAG = option('tag', 'service');
const TARGET = { queue: 30, search: 150 };

// ---- the product's code ---------------------------------------------------------------------

let T, common, schema, database, nestTesting, nestTypeorm, typeorm;
try {
  T = await import(dist('libs/tickets/src/index.js'));
  common = await import(dist('libs/common/src/index.js'));
  schema = await import(dist('apps/api/src/schema.js'));
  database = await import(dist('libs/database/src/index.js'));
  nestTesting = await import('@nestjs/testing');
  nestTypeorm = await import('@nestjs/typeorm');
  typeorm = await import('typeorm');
} catch (error) {
  console.error(`Cannot load the compiled product from ${distDir}: run \`npm run build:server\` first.\n${error.message}`);
  process.exit(1);
}

// The compiled entities must match the schema: apply any migration added since the seed (they are
// small on this data: new columns without rewrites, a few indexes).
{
  const applied = await database.runMigrations(URL_);
  if (applied.length) console.log(`applied migrations added since the seed: ${applied.join(', ')}`);
}

/** Records the statements TypeORM sends while `capturing` is set. */
const captured = [];
let capturing = false;
const recorder = {
  logQuery: (query, parameters) => capturing && captured.push({ text: query, params: parameters ?? [] }),
  logQueryError: (error, query) => console.error('query failed:', String(error), query),
  logQuerySlow: () => {},
  logSchemaBuild: () => {},
  logMigration: () => {},
  log: () => {},
};
const dataSource = new typeorm.DataSource({
  type: 'postgres',
  url: URL_,
  entities: schema.ALL_ENTITIES,
  namingStrategy: new database.SnakeNamingStrategy(),
  synchronize: false,
  uuidExtension: 'pgcrypto',
  logger: recorder,
  extra: { max: 2, application_name: 'bench-service', options: `-c statement_timeout=${TIMEOUT_MS}` },
});
await dataSource.initialize();
// The real service, with its real repositories; collaborators that list() never touches are stubs.
const moduleRef = await nestTesting.Test.createTestingModule({
  providers: [
    T.TicketsService,
    { provide: nestTypeorm.getRepositoryToken(T.Ticket), useValue: dataSource.getRepository(T.Ticket) },
    { provide: nestTypeorm.getRepositoryToken(T.Message), useValue: dataSource.getRepository(T.Message) },
    { provide: nestTypeorm.getDataSourceToken(), useValue: dataSource },
  ],
})
  .useMocker(() => ({}))
  .compile();
const service = moduleRef.get(T.TicketsService);

const db = new pg.Client({ connectionString: URL_, application_name: 'bench-run', options: `-c statement_timeout=${TIMEOUT_MS}` });
await db.connect();

// ---- scenarios --------------------------------------------------------------------------------

const one = async (sql, params = []) => (await db.query(sql, params)).rows[0];
const viewer = await one("SELECT id, role FROM users WHERE role = 'supervisor' ORDER BY email LIMIT 1");
if (!viewer) throw new Error('no supervisor in the database: run bench/queue/seed.mjs first');
const bigTeam = await one(
  "SELECT t.team_id AS id, tm.name, count(*)::int AS open FROM tickets t JOIN teams tm ON tm.id = t.team_id WHERE t.status = 'open' GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1",
);
const contact = await one(
  "SELECT c.name, '0' || substr(i.address, 5) AS local_phone FROM contacts c JOIN contact_identities i ON i.contact_id = c.id AND i.kind = 'phone' WHERE c.id = overlay(overlay(md5('c5000') placing '4' from 13) placing '8' from 17)::uuid",
);
const someNumber = await one("SELECT number FROM tickets WHERE number LIKE '1447-%' ORDER BY number OFFSET 12344 LIMIT 1");

/** The cursor the api hands out after `rowsIn` rows of the given filter (what paging 200 times would reach). */
async function cursorAfter(rowsIn, where, params) {
  const row = await one(
    `SELECT id, last_activity_at FROM tickets t WHERE ${where} ORDER BY t.last_activity_at DESC, t.id DESC OFFSET ${rowsIn - 1} LIMIT 1`,
    params,
  );
  return common.encodeCursor({ k: row.last_activity_at.toISOString(), id: row.id });
}

const scenarios = [
  {
    name: 'queue-open-team',
    kind: 'queue',
    label: `first page, status=open, team=${bigTeam.name}`,
    query: { status: ['open'], teamId: bigTeam.id, limit: 25 },
  },
  {
    name: 'queue-open-team-deep',
    kind: 'queue',
    label: 'page after 5,000 rows, status=open, same team',
    query: {
      status: ['open'],
      teamId: bigTeam.id,
      limit: 25,
      cursor: await cursorAfter(5000, "t.status = 'open' AND t.team_id = $1", [bigTeam.id]),
    },
  },
  {
    name: 'queue-active',
    kind: 'queue',
    label: 'first page, status=new,open,pending, any team',
    query: { status: ['new', 'open', 'pending'], limit: 25 },
  },
  {
    name: 'queue-active-deep',
    kind: 'queue',
    label: 'page after 5,000 rows, status=new,open,pending, any team',
    query: {
      status: ['new', 'open', 'pending'],
      limit: 25,
      cursor: await cursorAfter(5000, "t.status IN ('new','open','pending')", []),
    },
  },
  { name: 'search-common', kind: 'search', label: 'q=إيجار (common word)', query: { q: 'إيجار', limit: 25 } },
  { name: 'search-medium', kind: 'search', label: 'q=الطائف (city name, in ~2% of messages)', query: { q: 'الطائف', limit: 25 } },
  { name: 'search-uncommon', kind: 'search', label: 'q=النسيم (district name, in ~0.1% of messages)', query: { q: 'النسيم', limit: 25 } },
  { name: 'search-rare', kind: 'search', label: 'q=الاستقطاع (rare word)', query: { q: 'الاستقطاع', limit: 25 } },
  { name: 'search-phrase', kind: 'search', label: 'q=سداد الإيجار (phrase of two common words)', query: { q: 'سداد الإيجار', limit: 25 } },
  { name: 'search-name', kind: 'search', label: `q=${contact.name} (contact name)`, query: { q: contact.name, limit: 25 } },
  { name: 'search-phone', kind: 'search', label: `q=${contact.local_phone} (phone)`, query: { q: contact.local_phone, limit: 25 } },
  { name: 'search-number', kind: 'search', label: `q=${someNumber.number} (ticket number)`, query: { q: someNumber.number, limit: 25 } },
  {
    name: 'search-common-open',
    kind: 'search',
    label: 'q=إيجار, status=open, team (search within the queue)',
    query: { q: 'إيجار', status: ['open'], teamId: bigTeam.id, limit: 25 },
  },
].filter((s) => !ONLY || ONLY.includes(s.name));

// ---- helpers ---------------------------------------------------------------------------------

const now = () => Number(process.hrtime.bigint()) / 1e6;
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
function stats(times) {
  const s = [...times].sort((a, b) => a - b);
  const r = (x) => Math.round(x * 100) / 100;
  return {
    n: s.length,
    p50: r(pct(s, 50)),
    p95: r(pct(s, 95)),
    p99: r(pct(s, 99)),
    min: r(s[0]),
    max: r(s[s.length - 1]),
    mean: r(s.reduce((a, b) => a + b, 0) / s.length),
  };
}
const isTimeout = (e) => e?.code === '57014' || /statement timeout/.test(String(e?.message));
/**
 * Warm-up then ITERATIONS timed runs. A first probe run that is slower than BUDGET_MS means the
 * scenario gets 3 runs instead (and says so); one that hits the statement timeout is reported as such.
 */
async function measure(fn) {
  const times = [];
  let rows;
  let t = now();
  try {
    rows = await fn();
  } catch (e) {
    if (isTimeout(e)) return { timedOut: true, timeoutMs: TIMEOUT_MS, n: 0 };
    throw e;
  }
  const probe = now() - t;
  // Far slower than any target: time-box it (about a minute per measurement) instead of ITERATIONS runs.
  const reduced = probe > BUDGET_MS;
  const runs = reduced ? Math.max(4, Math.min(ITERATIONS, Math.floor(60_000 / probe))) - 1 : ITERATIONS;
  if (reduced) times.push(probe);
  else for (let i = 1; i < WARMUP; i++) await fn();
  for (let i = 0; i < runs; i++) {
    t = now();
    rows = await fn();
    times.push(now() - t);
  }
  return { ...stats(times), rows, ...(reduced ? { reduced: true } : {}) };
}

/** The statements list() sends for a query: [page of ids, tickets with relations]. */
async function capture(query) {
  captured.length = 0;
  capturing = true;
  let page;
  const t = now();
  try {
    page = await service.list(query, viewer);
  } catch (e) {
    if (!isTimeout(e)) throw e;
    return { statements: captured.splice(0), timedOut: true };
  } finally {
    capturing = false;
  }
  return { statements: captured.splice(0), items: page.items.length, nextCursor: page.nextCursor, ms: now() - t };
}

let token = option('token', null);
async function apiToken() {
  if (token) return token;
  const email = option('email', process.env.ADMIN_EMAIL ?? 'admin@example.org');
  const password = option('password', process.env.ADMIN_PASSWORD);
  if (!password) throw new Error('--api needs --token, or --email and --password (or ADMIN_PASSWORD)');
  const res = await fetch(`${API}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  token = (await res.json()).accessToken;
  return token;
}
function apiQueryString(q) {
  const p = new URLSearchParams();
  if (q.status) p.set('status', q.status.join(','));
  if (q.teamId) p.set('teamId', q.teamId);
  if (q.q) p.set('q', q.q);
  if (q.cursor) p.set('cursor', q.cursor);
  p.set('limit', String(q.limit));
  return p.toString();
}

// ---- run -------------------------------------------------------------------------------------

const settings = Object.fromEntries(
  (
    await db.query(
      "SELECT name, setting || COALESCE(unit, '') AS v FROM pg_settings WHERE name IN ('shared_buffers','work_mem','effective_cache_size','random_page_cost','jit','max_parallel_workers_per_gather')",
    )
  ).rows.map((r) => [r.name, r.v]),
);
const env = {
  date: new Date().toISOString(),
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memGiB: Math.round(os.totalmem() / 2 ** 30),
  postgres: (await one('SHOW server_version')).server_version,
  settings,
  loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  iterations: ITERATIONS,
  warmup: WARMUP,
};
console.log(
  `${env.date}  ${env.cpus} × ${env.cpuModel}, ${env.memGiB} GiB, PostgreSQL ${env.postgres}; ${ITERATIONS} iterations after ${WARMUP} warm-up`,
);

const results = [];
for (const s of scenarios) {
  const c = await capture(s.query);
  const statements = c.statements;
  const [idsSql, ...rest] = statements;
  const r = { name: s.name, kind: s.kind, label: s.label, target: TARGET[s.kind], query: s.query, sql: statements, serviceItems: c.items };
  if (PLAN_ONLY) {
    r.plans = [];
    for (const st of statements) r.plans.push((await db.query(`EXPLAIN ${st.text}`, st.params)).rows.map((x) => x['QUERY PLAN']).join('\n'));
    console.log(
      `\n${s.name}: ${s.label}\n${statements.map((st) => `${st.text}\n-- ${JSON.stringify(st.params)}`).join('\n')}\n${r.plans.join('\n\n')}`,
    );
    results.push(r);
    continue;
  }
  if (c.timedOut) {
    // The service's own statement did not finish: report that, with the plan PostgreSQL chose.
    r.sqlIds = r.sqlTotal = r.service = { timedOut: true, timeoutMs: TIMEOUT_MS, n: 0 };
    r.plans = [(await db.query(`EXPLAIN ${idsSql.text}`, idsSql.params)).rows.map((x) => x['QUERY PLAN']).join('\n')];
    r.planNote = `EXPLAIN only: the statement did not finish within ${TIMEOUT_MS / 1000} s`;
    results.push(r);
    console.log(`\n${s.name}: ${s.label}\n  TIMED OUT after ${TIMEOUT_MS / 1000} s`);
    continue;
  }

  // 1. the exact statements, replayed
  r.sqlIds = await measure(async () => (await db.query(idsSql.text, idsSql.params)).rowCount);
  if (r.sqlIds.timedOut) r.sqlTotal = r.sqlIds;
  else if (rest.length) {
    r.sqlTotal = await measure(async () => {
      const page = await db.query(idsSql.text, idsSql.params);
      for (const st of rest) await db.query(st.text, st.params);
      return Math.min(page.rowCount, s.query.limit);
    });
  } else r.sqlTotal = r.sqlIds;
  // 2. the service in-process (TypeORM, hydration of the 25 tickets with their relations)
  r.service = await measure(async () => (await service.list(s.query, viewer)).items.length);
  // 3. the api
  if (API) {
    const url = `${API}/api/v1/tickets?${apiQueryString(s.query)}`;
    await apiToken();
    r.api = await measure(async () => {
      let res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      if (res.status === 401 && !option('token', null)) {
        // the short-lived access token expired during the run: sign in again (rare; the run keeps going)
        token = null;
        await apiToken();
        res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      }
      if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      return (await res.json()).items.length;
    });
  }
  if (EXPLAIN && !r.sqlIds.timedOut) {
    r.plans = [];
    for (const st of statements) {
      const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${st.text}`, st.params);
      r.plans.push(plan.rows.map((x) => x['QUERY PLAN']).join('\n'));
    }
  }
  results.push(r);
  const f = (m) =>
    !m
      ? '—'
      : m.timedOut
        ? `timed out (> ${m.timeoutMs / 1000} s)`
        : `p50 ${m.p50} / p95 ${m.p95} / p99 ${m.p99} ms${m.reduced ? ` (only ${m.n} runs)` : ''}`;
  console.log(
    `\n${s.name}: ${s.label}\n  rows ${r.sqlTotal.rows}   sql(ids) ${f(r.sqlIds)}\n  sql(page) ${f(r.sqlTotal)}\n  service ${f(r.service)}\n  api ${f(r.api)}   target p95 < ${r.target} ms`,
  );
}

// ---- report ----------------------------------------------------------------------------------

if (PLAN_ONLY) {
  await db.end();
  await moduleRef.close();
  await dataSource.destroy();
  process.exit(0);
}

const ms = (x) => (x === undefined ? '—' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : String(Math.round(x)));
const cell = (m) =>
  !m ? '—' : m.timedOut ? `> ${m.timeoutMs / 1000} s (timed out)` : `${ms(m.p50)} / ${ms(m.p95)} / ${ms(m.p99)}${m.reduced ? ` (${m.n} runs)` : ''}`;
const verdict = (r) => {
  const m = r.api ?? r.service ?? r.sqlTotal;
  return !m.timedOut && m.p95 < r.target ? `✅ < ${r.target}` : `❌ ≥ ${r.target}`;
};
const table = [
  '| scenario | rows | SQL, ids query p50 / p95 / p99 (ms) | SQL, both queries | service.list() | HTTP api | target p95 |',
  '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ...results.map(
    (r) =>
      `| ${r.name}: ${r.label} | ${r.sqlTotal?.rows ?? '—'} | ${cell(r.sqlIds)} | ${cell(r.sqlTotal)} | ${cell(r.service)} | ${cell(r.api)} | ${verdict(r)} |`,
  ),
].join('\n');
console.log(`\n${table}`);

env.loadAverageAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
console.log(`load average (1/5/15 min): ${env.loadAverageAtStart.join(' ')} at the start, ${env.loadAverageAtEnd.join(' ')} at the end`);
mkdirSync(path.join(here, 'results'), { recursive: true });
const base = path.join(here, 'results', `run-${TAG}`);
writeFileSync(`${base}.json`, JSON.stringify({ env, results }, null, 2));
const plansMd = results
  .map((r) =>
    [
      `#### ${r.name}: ${r.label}`,
      '',
      ...(r.sql ?? []).flatMap((st, k) => [
        `${k === 0 ? 'Page of ids' : 'Tickets with their relations'}:`,
        '',
        '```sql',
        st.text,
        `-- parameters: ${JSON.stringify(st.params)}`,
        '```',
        '',
        ...(r.plans?.[k] ? [...(k === 0 && r.planNote ? [`(${r.planNote})`, ''] : []), '```', r.plans[k], '```', ''] : []),
      ]),
    ].join('\n'),
  )
  .join('\n');
writeFileSync(`${base}.plans.md`, plansMd);
writeFileSync(`${base}.table.md`, `${table}\n`);
console.log(`\nwrote ${path.relative(root, base)}.{json,plans.md,table.md}`);

await db.end();
await moduleRef.close();
await dataSource.destroy();
