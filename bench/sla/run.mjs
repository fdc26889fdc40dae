#!/usr/bin/env node
// SLA timers and routing with many open tickets, against the real built worker.
//
//   npm run build:server && node bench/sla/run.mjs [--tickets 100000] [--firing 2000] [--burst 500]
//        [--spread-s 120] [--lead-s 40] [--routing 1000] [--fire-timeout 300] [--horizon-min 1440] [--keep-db] [--dist DIR] [--tag name]
//
// 1. Seeds a fresh database in SQL: --tickets open tickets, routed, on an SLA policy (first response
//    2 working minutes, resolution 600), with stored due times 1–24 h ahead, so every one has live
//    timers; the default calendar is made 24/7 so working minutes are wall minutes.
// 2. Starts the worker alone (SLA_TIMER_HORIZON_MINUTES = --horizon-min); its reconciler creates the
//    timers due within that horizon from the database. Reconciliation time = worker start → the `sla`
//    delayed set holds every expected timer (with the default 24 h: the two first-response timers of each ticket).
// 3. Timer lag: --firing tickets get new first-response due times spread over --spread-s seconds
//    starting --lead-s from now, and --burst more share one due time; their timers are replaced the
//    way SlaTimersService.set() does when a ticket changes (same job name, id, data, options). Lag =
//    audit_log.created_at of ticket.sla_warning / ticket.sla_breached − when it was due (warning:
//    due − 20% of the 2-minute target = due − 24 s; breach: due = after->>'due').
// 4. Routing: --routing new unrouted tickets (priority low: their own long policy, so their timers do
//    not fire during the run) and one routing job each (id route-<ticketId>, as ticket.created queues
//    it); routed tickets per second from routed_at.
// 5. A second worker's start-up reconciliation, with every timer already in Redis: the cost of the
//    5-minute pass (from its debug log line).
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import pg from 'pg';
import {
  clearRedisPrefix, cleanupAll, cpuMs, createDatabase, distUrl, dropDatabase, flag, freePort, machine, now, onCleanup, option, REDIS_URL, sleep,
  snapshotDist, startApp, stats,
} from '../ingest/apps.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const TICKETS = Number(option('tickets', '100000'));
const FIRING = Number(option('firing', '2000'));
const BURST = Number(option('burst', '500'));
const SPREAD_S = Number(option('spread-s', '120'));
const LEAD_S = Number(option('lead-s', '40'));
const ROUTING = Number(option('routing', '1000'));
const FIRE_TIMEOUT_S = Number(option('fire-timeout', '300'));
const RECONCILE_TIMEOUT_S = Number(option('reconcile-timeout', '900'));
const HORIZON_MIN = Number(option('horizon-min', '1440'));
const TAG = option('tag', 'run');
const WARN_BEFORE_MS = 24_000; // 20% of the 2-minute first-response target

const stamp = Date.now().toString(36);
const dbName = `bench_sla_${stamp}`;
const prefix = `bench-sla-${stamp}`;
const bull = `${prefix}-bull`;
const results = { machine: await machine(), settings: { TICKETS, FIRING, BURST, SPREAD_S, LEAD_S, ROUTING, HORIZON_MIN } };
console.log(results.machine);

const dist = snapshotDist();
onCleanup(dist.cleanup);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-sla-data-'));
onCleanup(() => rmSync(dataDir, { recursive: true, force: true }));
const databaseUrl = await createDatabase(dbName);
if (!flag('keep-db')) onCleanup(() => dropDatabase(dbName));
onCleanup(() => clearRedisPrefix(prefix));
const { runMigrations } = await import(distUrl(dist.dir, 'libs/database/src/index.js'));
await runMigrations(databaseUrl);

const db = new pg.Pool({ connectionString: databaseUrl, max: 3, application_name: 'bench-sla' });
onCleanup(() => db.end());
const one = async (sql, params) => (await db.query(sql, params)).rows[0];

// ---- seed -------------------------------------------------------------------------------------

let t = now();
await db.query(`UPDATE business_calendars SET weekly = $1 WHERE is_default`, [JSON.stringify(Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]))]);
const policy = await one(
  "INSERT INTO sla_policies (name, priority, ticket_type, first_response_minutes, resolution_minutes, escalation_step_minutes) VALUES ('bench default', NULL, NULL, 2, 600, 60) RETURNING id",
);
await db.query(
  "INSERT INTO sla_policies (name, priority, ticket_type, first_response_minutes, resolution_minutes, escalation_step_minutes) VALUES ('bench low', 'low', NULL, 600, 6000, 60)",
);
const team = await one("INSERT INTO teams (name) VALUES ('فريق الاختبار') RETURNING id");
await db.query("INSERT INTO routing_rules (name, position, conditions, actions) VALUES ('الافتراضية', 1, '{}', $1)", [JSON.stringify({ teamId: team.id })]);
const CONTACTS = Math.max(1, Math.ceil(TICKETS / 5));
await db.query(
  `INSERT INTO contacts (id, name, search_text) SELECT md5('sc' || i)::uuid, 'مستفيد ' || i, 'مستفيد ' || i FROM generate_series(1, $1) i`,
  [CONTACTS],
);
await db.query(
  `INSERT INTO tickets (number, subject, subject_search, type, status, priority, channel, contact_id, team_id, created_at, last_activity_at,
                        routed_at, sla_policy_id, first_response_due_at, resolution_due_at)
   SELECT '1447-' || lpad(i::text, 7, '0'), 'طلب مساعدة ' || i, 'طلب مساعده ' || i, 'inquiry', 'open', 'normal', 'sms',
          md5('sc' || (1 + i % $2))::uuid, $3, c, c, c, $4,
          now() + interval '1 hour' + random() * interval '23 hours', now() + interval '2 days' + random() * interval '2 days'
   FROM generate_series(1, $1) i, LATERAL (SELECT now() - random() * interval '1 day' AS c) x`,
  [TICKETS, CONTACTS, team.id, policy.id],
);
await db.query('ANALYZE');
results.seedSeconds = Math.round((now() - t) / 100) / 10;
console.log(`seeded ${TICKETS} open tickets (${CONTACTS} contacts) in ${results.seedSeconds} s`);

// ---- the worker and its reconciliation -------------------------------------------------------

const { Redis } = await import('ioredis');
const redis = new Redis(REDIS_URL);
onCleanup(() => redis.quit());
const env = {
  DATABASE_URL: databaseUrl, REDIS_URL, REDIS_PREFIX: prefix, PORT: String(await freePort()), SMTP_INBOUND_PORT: String(await freePort()),
  DATA_DIR: dataDir, LOG_LEVEL: 'warn', PUBLIC_BASE_URL: 'https://helpdesk.example.org', SLA_TIMER_HORIZON_MINUTES: String(HORIZON_MIN),
};
// frt-warn / res-warn fire 20 % of the target before the due time (24 s of 2 minutes, 120 of 600 minutes; the calendar is 24/7).
const { n: expectedTimers } = await one(
  `SELECT sum((first_response_due_at - interval '24 seconds' < h)::int + (first_response_due_at < h)::int
            + (resolution_due_at - interval '120 minutes' < h)::int + (resolution_due_at < h)::int)::int AS n
   FROM tickets, (SELECT now() + $1 * interval '1 minute' AS h) x`,
  [HORIZON_MIN],
);
t = now();
const worker = startApp(dist.dir, 'worker', env);
onCleanup(() => worker.stop());
let delayed;
const progress = [];
for (;;) {
  delayed = await redis.zcard(`${bull}:sla:delayed`);
  progress.push([Math.round(now() - t), delayed]);
  if (delayed >= expectedTimers) break;
  if (now() - t > RECONCILE_TIMEOUT_S * 1000) break;
  await sleep(500);
}
const reconcileMs = now() - t;
let cpu = cpuMs(worker.pid);
const mem = await redis.info('memory');
results.reconcile = {
  seconds: Math.round(reconcileMs / 100) / 10,
  timers: delayed,
  expectedTimers,
  complete: delayed >= expectedTimers,
  ticketsPerSecond: Math.round((TICKETS * Math.min(1, delayed / expectedTimers)) / (reconcileMs / 1000)),
  redisUsedMemory: /used_memory_human:(\S+)/.exec(mem)?.[1],
  workerCpuSeconds: Math.round(cpu / 100) / 10, // start-up included
};
console.log('reconciliation:', results.reconcile);

// ---- timer lag --------------------------------------------------------------------------------

const sla = new Queue('sla', { connection: { url: REDIS_URL }, prefix: bull });
onCleanup(() => sla.close());
const ids = (await db.query('SELECT id FROM tickets ORDER BY random() LIMIT $1', [FIRING + BURST])).rows.map((r) => r.id);
const start = Date.now() + LEAD_S * 1000;
const burstDue = start + SPREAD_S * 500; // the burst shares one due time in the middle of the spread
const dueOf = new Map();
ids.forEach((id, i) => dueOf.set(id, new Date(i < FIRING ? start + WARN_BEFORE_MS + Math.floor((i / FIRING) * SPREAD_S * 1000) : burstDue + WARN_BEFORE_MS)));
t = now();
for (let i = 0; i < ids.length; i += 500) {
  const chunk = ids.slice(i, i + 500);
  await db.query(
    `UPDATE tickets t SET first_response_due_at = v.due FROM unnest($1::uuid[], $2::timestamptz[]) v(id, due) WHERE t.id = v.id`,
    [chunk, chunk.map((id) => dueOf.get(id).toISOString())],
  );
}
// SlaTimersService.set(): remove the job with the deterministic id, add it again with the new delay.
for (const id of ids) {
  const due = dueOf.get(id).getTime();
  for (const [kind, at] of [['frt-warn', due - WARN_BEFORE_MS], ['frt-breach', due]]) {
    const jobId = `sla-${id}-${kind}`;
    await sla.remove(jobId);
    await sla.add(kind, { version: 1, ticketId: id, kind }, { jobId, delay: Math.max(0, at - Date.now()), removeOnComplete: true, removeOnFail: true, attempts: 3 });
  }
}
results.timerSetupSeconds = Math.round((now() - t) / 100) / 10;
console.log(`moved ${ids.length} tickets' first-response due times (${FIRING} spread over ${SPREAD_S} s from +${LEAD_S} s, ${BURST} at one instant) in ${results.timerSetupSeconds} s`);

const expectedFires = ids.length * 2;
const lastDue = Math.max(...[...dueOf.values()].map((d) => d.getTime()));
let fired;
let lastCount = -1;
let lastChange = Date.now();
for (;;) {
  fired = (
    await db.query(
      `SELECT a.entity_id, a.action, a.after->>'due' AS due, extract(epoch FROM a.created_at) * 1000 AS at_ms
       FROM audit_log a WHERE a.action IN ('ticket.sla_warning', 'ticket.sla_breached') AND a.after->>'target' = 'first_response' AND a.entity_id = ANY($1)`,
      [ids],
    )
  ).rows;
  // A warning that runs after its breach is due is dropped by design (plannedTimers), so not every warning comes:
  // stop when every breach is recorded and nothing new arrived for 20 s.
  const breaches = fired.filter((r) => r.action === 'ticket.sla_breached').length;
  if (fired.length !== lastCount) {
    lastCount = fired.length;
    lastChange = Date.now();
  }
  if (fired.length >= expectedFires || Date.now() > lastDue + FIRE_TIMEOUT_S * 1000) break;
  if (breaches >= ids.length && Date.now() - lastChange > 20_000) break;
  await sleep(2000);
}
const lag = (rows) =>
  stats(rows.map((r) => Number(r.at_ms) - (new Date(r.due).getTime() - (r.action === 'ticket.sla_warning' ? WARN_BEFORE_MS : 0))));
const burstIds = new Set(ids.slice(FIRING));
const firingCpuMs = cpuMs(worker.pid) - cpu;
const escalations = await one(
  "SELECT count(*)::int AS n FROM audit_log WHERE action = 'ticket.escalated' AND entity_id = ANY($1)",
  [ids],
);
results.timers = {
  workerCpuMsPerFiring: Math.round((firingCpuMs / Math.max(1, fired.length)) * 10) / 10, // a breach's escalation included
  escalations: escalations.n,
  expected: expectedFires,
  recorded: fired.length,
  warningsRecorded: fired.filter((r) => r.action === 'ticket.sla_warning').length,
  breachesRecorded: fired.filter((r) => r.action === 'ticket.sla_breached').length,
  dueTimesMatched: fired.filter((r) => new Date(r.due).getTime() === dueOf.get(r.entity_id).getTime()).length,
  lagMs: lag(fired),
  spreadLagMs: lag(fired.filter((r) => !burstIds.has(r.entity_id))),
  burstLagMs: lag(fired.filter((r) => burstIds.has(r.entity_id))),
  warningLagMs: lag(fired.filter((r) => r.action === 'ticket.sla_warning')),
  breachLagMs: lag(fired.filter((r) => r.action === 'ticket.sla_breached')),
  within5s: fired.filter((r) => Number(r.at_ms) - (new Date(r.due).getTime() - (r.action === 'ticket.sla_warning' ? WARN_BEFORE_MS : 0)) <= 5000).length,
};
console.log('timers:', JSON.stringify(results.timers));

// ---- routing ----------------------------------------------------------------------------------

if (ROUTING > 0) {
  const routing = new Queue('routing', { connection: { url: REDIS_URL }, prefix: bull });
  onCleanup(() => routing.close());
  const newIds = Array.from({ length: ROUTING }, () => randomUUID());
  await db.query(
    `INSERT INTO tickets (id, number, subject, subject_search, type, status, priority, channel, contact_id, last_activity_at)
     SELECT v.id, '1448-R' || lpad(v.n::text, 6, '0'), 'استفسار جديد', 'استفسار جديد', 'inquiry', 'new', 'low', 'sms', md5('sc' || (1 + v.n % $2))::uuid, now()
     FROM unnest($1::uuid[]) WITH ORDINALITY v(id, n)`,
    [newIds, CONTACTS],
  );
  t = now();
  cpu = cpuMs(worker.pid);
  const t0 = Date.now();
  await routing.addBulk(newIds.map((id) => ({ name: 'route-ticket', data: { version: 1, ticketId: id }, opts: { jobId: `route-${id}`, removeOnComplete: true, attempts: 5 } })));
  let routed;
  for (;;) {
    routed = await one('SELECT count(*)::int AS n, extract(epoch FROM max(routed_at)) * 1000 AS last FROM tickets WHERE id = ANY($1) AND routed_at IS NOT NULL', [newIds]);
    if (routed.n >= ROUTING || now() - t > FIRE_TIMEOUT_S * 1000) break;
    await sleep(500);
  }
  const seconds = (Number(routed.last) - t0) / 1000;
  const check = await one("SELECT count(*) FILTER (WHERE team_id IS NOT NULL)::int AS with_team, count(*) FILTER (WHERE first_response_due_at IS NOT NULL)::int AS with_due FROM tickets WHERE id = ANY($1)", [newIds]);
  const workerCpuMsPerTicket = Math.round(((cpuMs(worker.pid) - cpu) / ROUTING) * 10) / 10;
  results.routing = { tickets: ROUTING, routed: routed.n, seconds: Math.round(seconds * 10) / 10, perSecond: Math.round((routed.n / seconds) * 10) / 10, workerCpuMsPerTicket, ...check };
  console.log('routing:', results.routing);
}

// ---- a reconciliation pass with every timer in place (what runs every 5 minutes) -------------------

const second = startApp(dist.dir, 'worker', { ...env, LOG_LEVEL: 'debug', PORT: String(await freePort()), SMTP_INBOUND_PORT: String(await freePort()) }, 'worker-2');
onCleanup(() => second.stop());
let pass = null;
second.child.stdout.on('data', (chunk) => {
  const m = /reconciled (\d+) running SLA clock\(s\) in (\d+) ms: (\d+) timer/.exec(String(chunk));
  if (m) pass = { clocks: Number(m[1]), seconds: Number(m[2]) / 1000, timersCreated: Number(m[3]) };
});
for (const until = now() + FIRE_TIMEOUT_S * 1000; !pass && now() < until; ) await sleep(500);
results.steadyPass = pass;
console.log('second worker, start-up pass:', pass);
await second.stop();

results.workerLogTail = worker.tail.slice(-15);
mkdirSync(path.join(here, 'results'), { recursive: true });
const out = path.join(here, 'results', `${TAG}.json`);
writeFileSync(out, JSON.stringify(results, null, 2));
console.log(`wrote ${out}`);
await cleanupAll();
process.exit(0);
