#!/usr/bin/env node
// Inbound SMS ingest: signed Twilio webhooks at rising fixed rates against the real built api and
// worker, then the floor (the same PostgreSQL writes through one BullMQ job each, no Nest/TypeORM).
//
//   npm run build:server && node bench/ingest/run.mjs [--rates 50,100,200,400] [--seconds 10]
//        [--followups 0.2] [--floor-events 3000] [--floor-concurrency 4,16] [--drain-timeout 300]
//        [--keep-db] [--dist DIR] [--tag name] [--worker-nice N]
//
// Each step sends rate × seconds webhooks on an open-loop schedule (request i leaves at t0 + i/rate,
// whether or not earlier ones have answered), then waits until the worker has processed all of
// them (inbound_events.status = 'processed'), so steps do not overlap. Latency is measured from the
// scheduled send time (no coordinated omission). Writes bench/ingest/results/<tag>.json.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import twilio from 'twilio';
import {
  clearRedisPrefix,
  cleanupAll,
  cpuMs,
  createDatabase,
  dropDatabase,
  flag,
  freePort,
  machine,
  now,
  onCleanup,
  option,
  REDIS_URL,
  sleep,
  snapshotDist,
  startApp,
  stats,
  waitForHealth,
} from './apps.mjs';
import { summarize } from './cpu-profile-summary.mjs';
import { runFloor } from './floor.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const RATES = option('rates', '50,100,200,400').split(',').map(Number);
const SECONDS = Number(option('seconds', '10'));
const FOLLOWUPS = Number(option('followups', '0.2'));
const FLOOR_EVENTS = Number(option('floor-events', '3000'));
const FLOOR_CONCURRENCY = option('floor-concurrency', '4,16').split(',').map(Number);
const DRAIN_TIMEOUT_S = Number(option('drain-timeout', '300'));
const TAG = option('tag', 'run');
const WORKER_NICE = Number(option('worker-nice', '0'));
const PUBLIC_BASE_URL = 'https://helpdesk.example.org';
const SIGNED_URL = `${PUBLIC_BASE_URL}/webhooks/twilio/messaging`;
const TOKEN = randomBytes(16).toString('hex');
const ACCOUNT_SID = `AC${randomBytes(16).toString('hex')}`;
const OUR_NUMBER = '+966112345678';

const stamp = Date.now().toString(36);
const dbName = `bench_ingest_${stamp}`;
const prefix = `bench-ingest-${stamp}`;
const results = {
  machine: await machine(),
  settings: { RATES, SECONDS, FOLLOWUPS, FLOOR_EVENTS, FLOOR_CONCURRENCY, WORKER_NICE },
  steps: [],
  floor: [],
};
console.log(results.machine);

const dist = snapshotDist();
onCleanup(dist.cleanup);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-ingest-data-'));
onCleanup(() => rmSync(dataDir, { recursive: true, force: true }));
const databaseUrl = await createDatabase(dbName);
if (!flag('keep-db')) onCleanup(() => dropDatabase(dbName));
onCleanup(() => clearRedisPrefix(prefix));

const port = await freePort();
const env = {
  DATABASE_URL: databaseUrl,
  REDIS_URL,
  REDIS_PREFIX: prefix,
  PORT: String(port),
  SMTP_INBOUND_PORT: String(await freePort()),
  PUBLIC_BASE_URL,
  TWILIO_ACCOUNT_SID: ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: TOKEN,
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
};
const base = `http://127.0.0.1:${port}`;
let t = now();
// --profile: V8 CPU profiles of the api and the worker over the rate steps (bench/ingest/results/<tag>.<app>.cpuprofile).
const PROFILE = flag('profile');
const profileOf = (app) => path.join(here, 'results', `${TAG}.${app}.cpuprofile`);
const profiling = (app) => (PROFILE ? [{ BENCH_CPU_PROFILE: profileOf(app) }, ['--import', path.join(here, 'cpu-profile-preload.mjs')]] : [{}, []]);
if (PROFILE) mkdirSync(path.join(here, 'results'), { recursive: true });
const api = startApp(dist.dir, 'api', { ...env, ...profiling('api')[0] }, 'api', profiling('api')[1]);
onCleanup(() => api.stop());
await waitForHealth(base);
const worker = startApp(dist.dir, 'worker', { ...env, PORT: String(await freePort()), ...profiling('worker')[0] }, 'worker', profiling('worker')[1]);
onCleanup(() => worker.stop());
// --worker-nice N: the worker at a lower CPU priority than the api (every thread, as `nice -n N` would start it).
if (WORKER_NICE > 0) for (const thread of readdirSync(`/proc/${worker.pid}/task`)) os.setPriority(Number(thread), WORKER_NICE);
console.log(`api (pid ${api.pid}) and worker (pid ${worker.pid}) up in ${Math.round(now() - t)} ms; database ${dbName}, prefix ${prefix}`);

const db = new pg.Pool({ connectionString: databaseUrl, max: 2, application_name: 'bench-ingest-poll' });
onCleanup(() => db.end());

// ---- requests --------------------------------------------------------------------------------

const BODIES = [
  'السلام عليكم، أرجو إفادتي عن موعد صرف المساعدة لهذا الشهر',
  'مساء الخير، متى يتم تجديد العضوية؟ وشكراً',
  'أحتاج مساعدة في سداد الإيجار المتأخر، عندي خمسة أطفال',
  'هل وصل طلبي؟ رقم الهوية مرفق سابقاً',
  'نرجو التواصل معي بخصوص السلة الغذائية في حي النسيم',
];
let phoneSeq = Math.floor(Math.random() * 5_000_000);
const usedSenders = [];
let sidSeq = 0;
/** Twilio's MessageSid: SM + 32 hex; the step number is in the first two so each step can be counted in SQL. */
const sid = (step) => `SM${step.toString(16).padStart(2, '0')}${(sidSeq++).toString(16).padStart(14, '0')}${randomBytes(8).toString('hex')}`;

function makeRequest(step, i) {
  const followUp = usedSenders.length > 50 && Math.random() < FOLLOWUPS;
  // A follow-up comes from a sender of an earlier step (its ticket exists: it threads, no new ticket).
  const from = followUp ? usedSenders[Math.floor(Math.random() * usedSenders.length)] : `+96650${String(phoneSeq++ % 10_000_000).padStart(7, '0')}`;
  const params = {
    ToCountry: 'SA',
    SmsMessageSid: '',
    NumMedia: '0',
    SmsSid: '',
    SmsStatus: 'received',
    Body: BODIES[i % BODIES.length],
    To: OUR_NUMBER,
    NumSegments: '1',
    MessageSid: sid(step),
    AccountSid: ACCOUNT_SID,
    From: from,
    ApiVersion: '2010-04-01',
    FromCountry: 'SA',
  };
  params.SmsMessageSid = params.MessageSid;
  params.SmsSid = params.MessageSid;
  return { followUp, from, body: new URLSearchParams(params).toString(), signature: twilio.getExpectedTwilioSignature(TOKEN, SIGNED_URL, params) };
}

async function send(req) {
  const res = await fetch(`${base}/webhooks/twilio/messaging`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': req.signature },
    body: req.body,
    keepalive: true,
  });
  await res.arrayBuffer();
  return res.status;
}

/** Open loop: request i is due at t0 + i × 1000/rate ms; all due requests leave on each tick. */
async function fire(requests, rate) {
  const latencies = [];
  const service = [];
  const statuses = {};
  const inflight = [];
  let maxLag = 0;
  const t0 = now() + 20;
  for (let i = 0; i < requests.length; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 1) await sleep(wait - 0.5);
    const sent = now();
    maxLag = Math.max(maxLag, sent - due);
    inflight.push(
      send(requests[i]).then(
        (status) => {
          const end = now();
          latencies.push(end - due);
          service.push(end - sent);
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
        (err) => {
          statuses[err.cause?.code ?? err.message] = (statuses[err.cause?.code ?? err.message] ?? 0) + 1;
        },
      ),
    );
  }
  const sendSeconds = (now() - t0) / 1000;
  await Promise.all(inflight);
  return { latencies, service, statuses, sendSeconds, maxSchedulerLagMs: Math.round(maxLag) };
}

async function waitProcessed(step, expected) {
  const like = `SM${step.toString(16).padStart(2, '0')}%`;
  const until = Date.now() + DRAIN_TIMEOUT_S * 1000;
  for (;;) {
    const { rows } = await db.query(
      `SELECT count(*) FILTER (WHERE status = 'processed')::int AS processed, count(*) FILTER (WHERE status = 'failed')::int AS failed, count(*)::int AS stored
       FROM inbound_events WHERE channel = 'sms' AND external_id LIKE $1`,
      [like],
    );
    const r = rows[0];
    // Called once every webhook has been answered: a refused or reset one stored nothing and is not waited for.
    const target = Math.min(expected, r.stored);
    if (r.processed + r.failed >= target || Date.now() > until) return { ...r, timedOut: r.processed + r.failed < target };
    await sleep(250);
  }
}

/** Committed + rolled-back transactions of the bench database so far (PostgreSQL flushes these counters about once a second). */
async function transactions() {
  const { rows } = await db.query(`SELECT (xact_commit + xact_rollback)::bigint AS n FROM pg_stat_database WHERE datname = current_database()`);
  return Number(rows[0].n);
}

async function stepTimes(step) {
  const like = `SM${step.toString(16).padStart(2, '0')}%`;
  const { rows } = await db.query(
    `SELECT extract(epoch FROM min(received_at)) * 1000 AS first_ms, extract(epoch FROM max(processed_at)) * 1000 AS last_ms,
            percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - received_at) * 1000) AS e2e
     FROM inbound_events WHERE channel = 'sms' AND external_id LIKE $1 AND status = 'processed'`,
    [like],
  );
  return rows[0];
}

/**
 * Routing of the tickets a step opened (routing runs after the ingest commits): waits until each has
 * `routed_at` (or the drain timeout), then how many were routed per second over the step and how long
 * each waited from being opened to being routed.
 */
async function stepRouting(step, firstMs) {
  const like = `SM${step.toString(16).padStart(2, '0')}%`;
  const until = Date.now() + DRAIN_TIMEOUT_S * 1000;
  for (;;) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS tickets, count(*) FILTER (WHERE t.routed_at IS NULL)::int AS unrouted,
              extract(epoch FROM max(t.routed_at)) * 1000 AS last_ms,
              percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM t.routed_at - t.created_at) * 1000) AS lag
       FROM tickets t WHERE t.created_at >= to_timestamp($2 / 1000.0)
         AND t.id IN (SELECT ticket_id FROM inbound_events WHERE channel = 'sms' AND external_id LIKE $1)`,
      [like, firstMs],
    );
    const r = rows[0];
    if (r.unrouted === 0 || Date.now() > until) {
      const seconds = (r.last_ms - firstMs) / 1000;
      return {
        tickets: r.tickets,
        unrouted: r.unrouted,
        routedPerSecond: Math.round(((r.tickets - r.unrouted) / seconds) * 10) / 10,
        lagMs: { p50: Math.round(r.lag?.[0] ?? NaN), p99: Math.round(r.lag?.[1] ?? NaN) },
      };
    }
    await sleep(500);
  }
}

// ---- warm-up and steps ----------------------------------------------------------------------

{
  const warm = Array.from({ length: 100 }, (_, i) => makeRequest(0, i));
  warm.forEach((r) => !r.followUp && usedSenders.push(r.from));
  await fire(warm, 20);
  await waitProcessed(0, warm.length);
  console.log('warm-up done (100 webhooks at 20/s)');
}

if (PROFILE) for (const app of [api, worker]) app.child.kill('SIGWINCH');
await sleep(11_000); // idle backends report their transaction counts within 10 s
const xactBefore = await transactions();
let stepEvents = 0;
for (let s = 0; s < RATES.length; s++) {
  const step = s + 1;
  const rate = RATES[s];
  const requests = Array.from({ length: Math.round(rate * SECONDS) }, (_, i) => makeRequest(step, i));
  const cpu0 = { api: cpuMs(api.pid), worker: cpuMs(worker.pid) };
  const xact0 = await transactions();
  const r = await fire(requests, rate);
  const sentDone = Date.now();
  const drained = await waitProcessed(step, requests.length);
  const times = await stepTimes(step);
  const routing = await stepRouting(step, Number(times.first_ms));
  const xact = (await transactions()) - xact0;
  stepEvents += requests.length;
  for (const q of requests) if (!q.followUp) usedSenders.push(q.from);
  const e2eSeconds = (times.last_ms - times.first_ms) / 1000;
  const cpu = {
    apiMsPerRequest: Math.round(((cpuMs(api.pid) - cpu0.api) / requests.length) * 100) / 100,
    workerMsPerEvent: Math.round(((cpuMs(worker.pid) - cpu0.worker) / requests.length) * 100) / 100,
  };
  const row = {
    rate,
    requests: requests.length,
    followUps: requests.filter((q) => q.followUp).length,
    achievedRate: Math.round((requests.length / r.sendSeconds) * 10) / 10,
    statuses: r.statuses,
    latencyFromSchedule: stats(r.latencies),
    latencyFromSend: stats(r.service),
    maxSchedulerLagMs: r.maxSchedulerLagMs,
    processed: drained.processed,
    failed: drained.failed,
    drainTimedOut: drained.timedOut,
    drainAfterLastSendS: Math.round((Date.now() - sentDone) / 100) / 10,
    e2eSeconds: Math.round(e2eSeconds * 10) / 10,
    e2ePerSecond: Math.round((drained.processed / e2eSeconds) * 10) / 10,
    routing,
    cpu,
    // Includes the routing and acknowledgement delivery the step set off (some may still run in the next step) and this runner's polling.
    transactionsPerEvent: Math.round((xact / requests.length) * 10) / 10,
    loadavg: os.loadavg()[0].toFixed(2),
    e2eLatencyMs: { p50: Math.round(times.e2e?.[0] ?? NaN), p99: Math.round(times.e2e?.[1] ?? NaN) },
  };
  results.steps.push(row);
  console.log(JSON.stringify(row));
}

{
  // Once routing and delivery have finished too: every transaction of the steps, per webhook.
  const until = Date.now() + DRAIN_TIMEOUT_S * 1000;
  for (;;) {
    const { rows } = await db.query(
      `SELECT (SELECT count(*) FROM tickets WHERE routed_at IS NULL)::int + (SELECT count(*) FROM messages WHERE delivery_status = 'queued')::int AS left`,
    );
    if (rows[0].left === 0 || Date.now() > until) break;
    await sleep(500);
  }
  await sleep(11_000);
  results.transactionsPerEvent = Math.round((((await transactions()) - xactBefore) / stepEvents) * 10) / 10;
  console.log(`database transactions per event over all steps: ${results.transactionsPerEvent}`);
}

{
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM tickets)::int AS tickets, (SELECT count(*) FROM messages WHERE direction = 'inbound')::int AS inbound_messages,
            (SELECT count(*) FROM messages WHERE direction = 'outbound')::int AS acknowledgements, (SELECT count(*) FROM inbound_events)::int AS events`,
  );
  results.productRows = rows[0];
  console.log('product rows:', rows[0]);
}
if (PROFILE) {
  for (const app of [api, worker]) app.child.kill('SIGWINCH');
  await sleep(3000);
  results.profiles = {};
  for (const app of ['api', 'worker']) {
    results.profiles[app] = summarize(profileOf(app), 15);
    console.log(`${app} CPU profile: busy ${results.profiles[app].busyMs} ms`);
    console.table(results.profiles[app].byPackage);
    console.table(results.profiles[app].topFunctions);
  }
}

// ---- diagnosis: the webhook alone (worker stopped) ----------------------------------------------
// Same api, same database, no ingest work competing for CPU and WAL flushes: what the webhook costs by itself.

await worker.stop();
if (!flag('no-api-only')) {
  results.apiOnly = [];
  for (const rate of option('api-only-rates', '200,400').split(',').map(Number)) {
    const step = 0x40 + results.apiOnly.length;
    const requests = Array.from({ length: Math.round(rate * SECONDS) }, (_, i) => makeRequest(step, i));
    const cpu0 = cpuMs(api.pid);
    const r = await fire(requests, rate);
    const row = {
      rate,
      requests: requests.length,
      achievedRate: Math.round((requests.length / r.sendSeconds) * 10) / 10,
      statuses: r.statuses,
      latencyFromSchedule: stats(r.latencies),
      latencyFromSend: stats(r.service),
      maxSchedulerLagMs: r.maxSchedulerLagMs,
      apiMsPerRequest: Math.round(((cpuMs(api.pid) - cpu0) / requests.length) * 100) / 100,
      loadavg: os.loadavg()[0].toFixed(2),
    };
    results.apiOnly.push(row);
    console.log('api only:', JSON.stringify(row));
  }
}

// ---- the floor ------------------------------------------------------------------------------

await api.stop();
for (const concurrency of FLOOR_EVENTS > 0 ? FLOOR_CONCURRENCY : []) {
  const events = Array.from({ length: FLOOR_EVENTS }, (_, i) => {
    const followUp = i > 100 && Math.random() < FOLLOWUPS;
    const address = followUp ? `+96651${String(Math.floor(Math.random() * i)).padStart(7, '0')}` : `+96651${String(i).padStart(7, '0')}`;
    const externalId = `SMff${concurrency.toString(16).padStart(2, '0')}${String(i).padStart(12, '0')}${randomBytes(9).toString('hex')}`;
    return {
      sid: externalId,
      payload: {
        channel: 'sms',
        externalId,
        from: { kind: 'phone', address },
        text: BODIES[i % BODIES.length],
        attachments: [],
        threadHints: {},
        meta: { provider: 'twilio', to: OUR_NUMBER },
      },
    };
  });
  // Distinct senders per concurrency level: a fresh contact set each time.
  for (const e of events) e.payload.from.address = e.payload.from.address.replace('+96651', `+9665${2 + FLOOR_CONCURRENCY.indexOf(concurrency)}`);
  const f = await runFloor({ databaseUrl, redisUrl: REDIS_URL, prefix: `${prefix}-floor`, events, concurrency, poolSize: concurrency + 6 });
  results.floor.push({ ...f, perSecond: Math.round(f.perSecond * 10) / 10 });
  console.log('floor:', JSON.stringify(results.floor.at(-1)));
}

mkdirSync(path.join(here, 'results'), { recursive: true });
const out = path.join(here, 'results', `${TAG}.json`);
writeFileSync(out, JSON.stringify(results, null, 2));
console.log(`wrote ${out}`);
await cleanupAll();
process.exit(0);
