#!/usr/bin/env node
// Seeds the queue benchmark database: 10 teams, 60 staff, 200,000 contacts, 1,000,000 tickets and
// ~5,000,000 messages of Arabic text, with the search keys computed by the product's own
// normalizeSearchText. Generation runs inside PostgreSQL (INSERT … SELECT generate_series) on as
// many connections as there are cores; the big tables' indexes and constraints are dropped for the
// load and rebuilt from their exact definitions afterwards.
//
//   npm run build:server && node bench/queue/seed.mjs [--reuse] [--scale 1] [--jobs N] [--url postgres://…]
//
// --reuse   keep an existing helpdesk_bench that already holds a dataset of this size (only ANALYZE it);
//           without it the database is dropped and created again.
// --scale   multiplies every row count (0.05 for a quick trial).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import pg from 'pg';
import argon2 from 'argon2';
import * as V from './vocabulary.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
// The compiled product (`npm run build:server`). --dist / BENCH_DIST point at another copy, e.g. a
// snapshot taken while others rebuild the shared dist/ (keep a node_modules beside it or above it).
const distArg = process.argv.indexOf('--dist');
const distDir = path.resolve(distArg > 0 ? process.argv[distArg + 1] : (process.env.BENCH_DIST ?? path.join(root, 'dist')));
const dist = (p) => pathToFileURL(path.join(distDir, p)).href;

// ---- arguments ------------------------------------------------------------------------------

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const URL_ = option('url', process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/helpdesk_bench');
const SCALE = Number(option('scale', '1'));
const JOBS = Math.max(1, Number(option('jobs', String(os.availableParallelism?.() ?? os.cpus().length))));
const REUSE = flag('reuse');

const N_CONTACTS = Math.round(200_000 * SCALE);
const N_TICKETS = Math.round(1_000_000 * SCALE);
const N_PHRASES = 50_000;
const MESSAGES_PER_TICKET_MAX = 9; // 1..9 per ticket, 5 on average
const YEARS = 3;

const dbName = new URL(URL_).pathname.slice(1);
const maintenanceUrl = (() => {
  const u = new URL(URL_);
  u.pathname = '/postgres';
  return u.toString();
})();

// ---- helpers --------------------------------------------------------------------------------

const started = Date.now();
const timings = [];
const fmt = (ms) => (ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`);
async function step(label, fn) {
  const t = Date.now();
  process.stdout.write(`… ${label}\n`);
  const result = await fn();
  const ms = Date.now() - t;
  timings.push({ step: label, ms });
  console.log(`✓ ${label} (${fmt(ms)})`);
  return result;
}

async function connect(url = URL_) {
  const client = new pg.Client({ connectionString: url, application_name: 'bench-seed' });
  await client.connect();
  // Bulk-load session settings: no waiting for WAL flush per commit, big sort/hash memory for
  // the index builds (the machine has plenty), and JIT off because it only adds compile time here.
  await client.query(`SET synchronous_commit = off; SET maintenance_work_mem = '2GB'; SET work_mem = '256MB'; SET jit = off`);
  return client;
}

/** Runs the async functions on at most `n` at a time. */
async function parallel(n, tasks) {
  const queue = [...tasks];
  const workers = Array.from({ length: Math.min(n, queue.length) }, async () => {
    while (queue.length) await queue.shift()();
  });
  await Promise.all(workers);
}

/** Deterministic PRNG so the same scale always gives the same vocabulary phrases. */
function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Deterministic ids (so tickets can name their contact, team and assignee without a join), shaped as
// version-4 UUIDs because the api validates ids with IsUUID/ParseUUIDPipe:
//   overlay(overlay(md5(<key>) placing '4' from 13) placing '8' from 17)::uuid
const sqlText = (s) => `'${s.replace(/'/g, "''")}'`;
const sqlArray = (xs) => `(ARRAY[${xs.map(sqlText).join(',')}]::text[])`;
const sqlFloats = (xs) => `(ARRAY[${xs.join(',')}]::float8[])`;
const sqlInts = (xs) => `(ARRAY[${xs.join(',')}]::int[])`;
const cumulative = (weights) => {
  let acc = 0;
  const out = weights.map((w) => (acc += w));
  return out.slice(0, -1); // width_bucket thresholds: n-1 upper bounds for n buckets
};

// ---- the product's code ---------------------------------------------------------------------

let common, database;
try {
  common = await import(dist('libs/common/src/index.js'));
  database = await import(dist('libs/database/src/index.js'));
} catch (error) {
  console.error(`Cannot load the compiled product from ${distDir}: run \`npm run build:server\` first.\n${error.message}`);
  process.exit(1);
}
const { normalizeSearchText, normalizePhoneNumber, hijriParts } = common;
const norm = (xs) => xs.map((x) => normalizeSearchText(x));

// ---- 1. database ----------------------------------------------------------------------------

const meta = {
  database: dbName,
  scale: SCALE,
  jobs: JOBS,
  startedAt: new Date().toISOString(),
};

const admin = new pg.Client({ connectionString: maintenanceUrl });
await admin.connect();
const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).rowCount > 0;
let reused = false;
if (exists && REUSE) {
  const c = await connect();
  const hasTickets = (await c.query("SELECT to_regclass('public.tickets') IS NOT NULL AS ok")).rows[0].ok;
  const n = hasTickets ? Number((await c.query('SELECT count(*) FROM tickets')).rows[0].count) : 0;
  await c.end();
  if (n === N_TICKETS) {
    reused = true;
    console.log(`Reusing ${dbName}: it already holds ${n.toLocaleString('en')} tickets.`);
  } else {
    console.log(`--reuse: ${dbName} holds ${n} tickets, not ${N_TICKETS}; seeding it again.`);
  }
}
if (!reused) {
  await step(`create database ${dbName}`, async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${dbName}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  });
  await step('run migrations', () => database.runMigrations(URL_));
}
await admin.end();

if (!reused) await seed();

const db = await connect();
await step('VACUUM (ANALYZE) the seeded tables', async () => {
  for (const t of [
    'teams',
    'users',
    'team_memberships',
    'categories',
    'contacts',
    'contact_identities',
    'tickets',
    'messages',
    'ticket_number_counters',
  ]) {
    await db.query(`VACUUM (ANALYZE) ${t}`);
  }
});

const sizes = (
  await db.query(`
  SELECT c.relname AS table, c.reltuples::bigint AS rows,
         pg_size_pretty(pg_table_size(c.oid)) AS table_size,
         pg_size_pretty(pg_indexes_size(c.oid)) AS indexes_size
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname IN ('contacts','contact_identities','tickets','messages','users','teams')
  ORDER BY pg_total_relation_size(c.oid) DESC`)
).rows;
const dbSize = (await db.query('SELECT pg_size_pretty(pg_database_size(current_database())) AS s')).rows[0].s;
const statusMix = (await db.query('SELECT status, count(*)::int AS n FROM tickets GROUP BY 1 ORDER BY 2 DESC')).rows;
const indexSizes = (
  await db.query(`
  SELECT indexrelname AS index, relname AS table, pg_size_pretty(pg_relation_size(indexrelid)) AS size
  FROM pg_stat_user_indexes WHERE relname IN ('tickets','messages','contacts','contact_identities')
  ORDER BY pg_relation_size(indexrelid) DESC`)
).rows;
await db.end();

console.table(sizes);
console.table(statusMix);
console.log(`database size ${dbSize}; total ${fmt(Date.now() - started)}`);
const result = { ...meta, reused, totalMs: Date.now() - started, timings, sizes, indexSizes, statusMix, dbSize };
mkdirSync(path.join(here, 'results'), { recursive: true });
writeFileSync(path.join(here, 'results', 'seed.json'), JSON.stringify(result, null, 2));
console.log(`wrote ${path.relative(root, path.join(here, 'results', 'seed.json'))}`);

// =============================================================================================

async function seed() {
  const db = await connect();
  const now = new Date();
  now.setUTCMilliseconds(0);
  const t0 = new Date(now.getTime() - YEARS * 365 * 86_400_000);
  const stepSeconds = (now.getTime() - t0.getTime()) / 1000 / N_TICKETS;
  meta.now = now.toISOString();
  meta.from = t0.toISOString();

  // ---- drop the big tables' constraints and indexes, keeping their exact definitions ----
  const big = ['contacts', 'contact_identities', 'tickets', 'messages'];
  const defs = await step('save and drop indexes and constraints of the big tables', async () => {
    const fks = (
      await db.query(
        `SELECT c.conname, c.conrelid::regclass::text AS tbl, pg_get_constraintdef(c.oid) AS def
         FROM pg_constraint c
         WHERE c.contype = 'f' AND (c.conrelid::regclass::text = ANY($1) OR c.confrelid::regclass::text = ANY($1))`,
        [big],
      )
    ).rows;
    const keys = (
      await db.query(
        `SELECT c.conname, c.conrelid::regclass::text AS tbl, pg_get_constraintdef(c.oid) AS def
         FROM pg_constraint c WHERE c.contype IN ('p','u') AND c.conrelid::regclass::text = ANY($1)`,
        [big],
      )
    ).rows;
    const indexes = (
      await db.query(
        `SELECT i.indexrelid::regclass::text AS name, i.indrelid::regclass::text AS tbl, pg_get_indexdef(i.indexrelid) AS def,
                (SELECT coalesce(json_agg(json_build_object('column', a.attnum, 'target', a.attstattarget)), '[]')
                 FROM pg_attribute a WHERE a.attrelid = i.indexrelid AND a.attstattarget > 0) AS statistics
         FROM pg_index i
         WHERE i.indrelid::regclass::text = ANY($1)
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p','u'))`,
        [big],
      )
    ).rows;
    for (const f of fks) await db.query(`ALTER TABLE "${f.tbl}" DROP CONSTRAINT "${f.conname}"`);
    for (const k of keys) await db.query(`ALTER TABLE "${k.tbl}" DROP CONSTRAINT "${k.conname}"`);
    for (const i of indexes) await db.query(`DROP INDEX ${i.name}`);
    console.log(`  dropped ${fks.length} foreign keys, ${keys.length} keys, ${indexes.length} indexes`);
    return { fks, keys, indexes };
  });
  meta.rebuilt = {
    keys: defs.keys.map((k) => `${k.tbl}.${k.conname}: ${k.def}`),
    indexes: defs.indexes.map((i) => i.def),
    foreignKeys: defs.fks.map((f) => `${f.tbl}.${f.conname}: ${f.def}`),
  };
  const rebuild = async (client, tables, what) => {
    if (what.includes('keys'))
      for (const k of defs.keys.filter((k) => tables.includes(k.tbl)))
        await client.query(`ALTER TABLE "${k.tbl}" ADD CONSTRAINT "${k.conname}" ${k.def}`);
    if (what.includes('indexes')) for (const i of defs.indexes.filter((i) => tables.includes(i.tbl))) await createIndex(client, i);
  };
  /** An index as the migrations made it, with the statistics target of its columns (lost with DROP INDEX). */
  const createIndex = async (client, i) => {
    const t = Date.now();
    await client.query(i.def);
    for (const s of i.statistics) await client.query(`ALTER INDEX ${i.name} ALTER COLUMN ${s.column} SET STATISTICS ${s.target}`);
    console.log(`  ${i.name} (${fmt(Date.now() - t)})`);
  };

  // ---- staff --------------------------------------------------------------------------------
  await step('teams, 60 staff, categories', async () => {
    const hash = await argon2.hash('bench-password', { type: argon2.argon2id });
    await db.query(
      `INSERT INTO teams (id, name, name_en) SELECT overlay(overlay(md5('team'||k) placing '4' from 13) placing '8' from 17)::uuid, n, e FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(n, e, k)`,
      [V.TEAMS.map((t) => t[0]), V.TEAMS.map((t) => t[1])],
    );
    // users 1..10 supervise team k, 11..57 are officers of team ((j-1) % 10) + 1, 58..60 sit on the committee.
    const names = [];
    const rnd = mulberry32(7);
    for (let j = 1; j <= 60; j++) {
      const female = rnd() < 0.4;
      const first = female ? V.FEMALE_NAMES[Math.floor(rnd() * V.FEMALE_NAMES.length)] : V.MALE_NAMES[Math.floor(rnd() * V.MALE_NAMES.length)];
      names.push(`${first} ${V.FAMILY_NAMES[Math.floor(rnd() * V.FAMILY_NAMES.length)]}`);
    }
    await db.query(
      `INSERT INTO users (id, name, email, password_hash, role)
       SELECT overlay(overlay(md5('user'||j) placing '4' from 13) placing '8' from 17)::uuid, ($1::text[])[j], 'staff' || lpad(j::text, 2, '0') || '@bench.local', $2,
              CASE WHEN j <= 10 THEN 'supervisor' WHEN j <= 57 THEN 'officer' ELSE 'committee' END
       FROM generate_series(1, 60) j`,
      [names, hash],
    );
    await db.query(
      `INSERT INTO team_memberships (team_id, user_id)
       SELECT overlay(overlay(md5('team'||(((j - 1) % 10) + 1)) placing '4' from 13) placing '8' from 17)::uuid, overlay(overlay(md5('user'||j) placing '4' from 13) placing '8' from 17)::uuid FROM generate_series(1, 57) j`,
    );
    await db.query(
      `INSERT INTO categories (id, name, team_id) SELECT overlay(overlay(md5('cat'||k) placing '4' from 13) placing '8' from 17)::uuid, n, overlay(overlay(md5('team'||(t + 1)) placing '4' from 13) placing '8' from 17)::uuid
       FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS x(n, t, k)`,
      [V.CATEGORIES.map((c) => c[0]), V.CATEGORIES.map((c) => c[1])],
    );
  });

  // ---- contacts -----------------------------------------------------------------------------
  await step(`${N_CONTACTS.toLocaleString('en')} contacts and their identities`, async () => {
    const male = V.MALE_NAMES,
      female = V.FEMALE_NAMES,
      family = V.FAMILY_NAMES;
    // Saudi mobile numbers +9665d ddd dddd, d in the allocated ranges; i -> (i*7919 mod 10^7) is a bijection, so all distinct.
    const phone = (i) => `'+9665' || (ARRAY['0','3','4','5','6','8','9'])[1 + ${i} % 7] || lpad(((${i})::bigint * 7919 % 10000000)::text, 7, '0')`;
    const sql = `
      INSERT INTO contacts (id, kind, name, membership_number, preferred_language, preferred_channel, consent_to_contact, search_text, created_at, updated_at)
      SELECT overlay(overlay(md5('c'||i) placing '4' from 13) placing '8' from 17)::uuid, kind, name, membership,
             'ar', (ARRAY['whatsapp','sms','phone','email'])[1 + floor(r5 * 4)::int], r6 < 0.7,
             name_norm || COALESCE(' ' || membership, '') || ' ' || ph || ' 0' || substr(ph, 5) ||
               CASE WHEN i % 5 = 0 THEN ' user' || i || '@example.com' ELSE '' END,
             created, created
      FROM (
        SELECT i, r5, r6, ph, created,
               CASE WHEN r1 < 0.15 THEN 'member' WHEN r1 < 0.6 THEN 'beneficiary' ELSE 'public' END AS kind,
               CASE WHEN r1 < 0.15 THEN (100000 + i)::text END AS membership,
               CASE WHEN r2 < 0.45 THEN ($4::text[])[1 + floor(r3 * $7)::int] ELSE ($2::text[])[1 + floor(r3 * $6)::int] END
                 || ' ' || ($2::text[])[1 + floor(r4 * $6)::int] || ' ' || ($8::text[])[1 + floor(r7 * $9)::int] AS name,
               CASE WHEN r2 < 0.45 THEN ($5::text[])[1 + floor(r3 * $7)::int] ELSE ($3::text[])[1 + floor(r3 * $6)::int] END
                 || ' ' || ($3::text[])[1 + floor(r4 * $6)::int] || ' ' || ($10::text[])[1 + floor(r7 * $9)::int] AS name_norm
        FROM (
          SELECT i, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7,
                 ${phone('i')} AS ph,
                 $1::timestamptz - random() * interval '730 days' AS created
          FROM generate_series(1, ${N_CONTACTS}) i OFFSET 0
        ) g
      ) x`;
    await db.query(sql, [t0, male, norm(male), female, norm(female), male.length, female.length, family, family.length, norm(family)]);
    await db.query(`
      INSERT INTO contact_identities (contact_id, kind, address, created_at)
      SELECT overlay(overlay(md5('c'||i) placing '4' from 13) placing '8' from 17)::uuid, 'phone', ${phone('i')}, now() FROM generate_series(1, ${N_CONTACTS}) i
      UNION ALL
      SELECT overlay(overlay(md5('c'||i) placing '4' from 13) placing '8' from 17)::uuid, 'email', 'user' || i || '@example.com', now() FROM generate_series(5, ${N_CONTACTS}, 5) i`);
    // Contacts are small: index them now so the message generation can join them by key.
    await rebuild(db, ['contacts', 'contact_identities'], ['keys', 'indexes']);
  });

  // ---- phrases: the building blocks of message bodies ----------------------------------------
  await step(`${N_PHRASES.toLocaleString('en')} vocabulary phrases`, async () => {
    const rnd = mulberry32(42);
    // Zipf-like: the word at rank r is drawn with weight 1/(r + 5).
    const weights = V.WORDS.map((_, r) => 1 / (r + 5));
    const cum = [];
    weights.reduce((a, w, i) => (cum[i] = a + w), 0);
    const total = cum[cum.length - 1];
    const pick = () => {
      const x = rnd() * total;
      let lo = 0,
        hi = cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      return V.WORDS[lo];
    };
    const raws = [];
    for (let p = 0; p < N_PHRASES; p++) raws.push(Array.from({ length: 5 }, pick).join(' '));
    await db.query('CREATE UNLOGGED TABLE _bench_phrases (id int PRIMARY KEY, raw text NOT NULL, norm text NOT NULL)');
    await db.query('INSERT INTO _bench_phrases (id, raw, norm) SELECT k, r, n FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(r, n, k)', [
      raws,
      norm(raws),
    ]);
    await db.query('ANALYZE _bench_phrases');
  });

  // ---- tickets ------------------------------------------------------------------------------
  // Numbers are <Hijri year>-<sequence within the year>; tickets are generated in creation order.
  const yearStarts = [];
  {
    const base = (i) => new Date(t0.getTime() + (i - 1) * stepSeconds * 1000);
    let year = hijriParts(base(1)).year;
    yearStarts.push({ year, first: 1 });
    for (;;) {
      // binary search for the first ticket index whose year is year + 1
      let lo = 1,
        hi = N_TICKETS + 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (hijriParts(base(mid)).year > year) hi = mid;
        else lo = mid + 1;
      }
      if (lo > N_TICKETS) break;
      year = hijriParts(base(lo)).year;
      yearStarts.push({ year, first: lo });
    }
  }
  meta.hijriYears = yearStarts;
  const numberExpr = `CASE ${yearStarts
    .slice()
    .reverse()
    .map((y) => `WHEN i >= ${y.first} THEN '${y.year}-' || lpad((i - ${y.first - 1})::text, 6, '0')`)
    .join(' ')} END`;

  const types = ['inquiry', 'help_request', 'complaint', 'suggestion', 'other'];
  const subjRaw = types.flatMap((t) => V.SUBJECTS[t]);
  const subjOff = [];
  types.reduce((off, t, k) => ((subjOff[k] = off), off + V.SUBJECTS[t].length), 0);
  const subjCnt = types.map((t) => V.SUBJECTS[t].length);
  const channels = ['whatsapp', 'sms', 'email', 'phone', 'web', 'visit', 'letter', 'social'];
  const channelCum = cumulative([0.36, 0.1, 0.16, 0.16, 0.1, 0.05, 0.03, 0.04]);
  // categories of each team (1-based indexes into V.CATEGORIES)
  const catOff = [],
    catCnt = [];
  for (let t = 0; t < V.TEAMS.length; t++) {
    const ks = V.CATEGORIES.map((c, k) => [c[1], k + 1])
      .filter(([team]) => team === t)
      .map(([, k]) => k);
    catOff.push(ks.length ? ks[0] : 0);
    catCnt.push(ks.length);
  }

  const ticketSql = (a, b) => `
    INSERT INTO tickets (id, number, subject, subject_search, type, status, priority, channel, contact_id, category_id, team_id,
                         assignee_id, first_response_due_at, resolution_due_at, first_responded_at, resolved_at, closed_at,
                         created_at, updated_at, last_activity_at)
    SELECT overlay(overlay(md5('t'||i) placing '4' from 13) placing '8' from 17)::uuid, ${numberExpr},
           subj_raw || COALESCE(' - ' || ($6::text[])[di], ''), subj_norm || COALESCE(' - ' || ($7::text[])[di], ''),
           type, status, priority, channel, overlay(overlay(md5('c'||contact_k) placing '4' from 13) placing '8' from 17)::uuid,
           CASE WHEN r13 < 0.8 AND ${sqlInts(catCnt)}[team_k] > 0
                THEN overlay(overlay(md5('cat'||(${sqlInts(catOff)}[team_k] + floor(r13 / 0.8 * ${sqlInts(catCnt)}[team_k])::int)) placing '4' from 13) placing '8' from 17)::uuid END,
           overlay(overlay(md5('team'||team_k) placing '4' from 13) placing '8' from 17)::uuid,
           CASE WHEN status = 'new' AND r7 < 0.5 THEN NULL
                ELSE overlay(overlay(md5('user'||(team_k + 10 * floor(r7 * CASE WHEN team_k <= 7 THEN 6 ELSE 5 END)::int)) placing '4' from 13) placing '8' from 17)::uuid END,
           created_at + interval '1 day', created_at + interval '5 days',
           CASE WHEN status <> 'new' THEN created_at + least(last_activity_at - created_at, r12 * interval '8 hours') END,
           CASE WHEN status IN ('resolved','closed') THEN last_activity_at END,
           CASE WHEN status = 'closed' THEN last_activity_at END,
           created_at, last_activity_at, last_activity_at
    FROM (
      SELECT y.*,
             CASE WHEN status = 'new' THEN created_at + least($2::timestamptz - created_at, interval '2 hours') * r6
                  WHEN status IN ('resolved','closed') THEN created_at + least($2::timestamptz - created_at, interval '14 days') * r6
                  ELSE created_at + ($2::timestamptz - created_at) * r6 END AS last_activity_at
      FROM (
        SELECT x.*,
               CASE WHEN r4 < CASE WHEN created_at > $2::timestamptz - interval '60 days' THEN 0.6 ELSE 0.07 END
                    THEN CASE WHEN active_status = 'with_committee' AND type <> 'help_request' THEN 'open' ELSE active_status END
                    ELSE CASE WHEN r5 < 0.3 THEN 'resolved' ELSE 'closed' END END AS status,
               ($3::text[])[${sqlInts(subjOff)}[type_k] + 1 + floor(r11 * ${sqlInts(subjCnt)}[type_k])::int] AS subj_raw,
               ($4::text[])[${sqlInts(subjOff)}[type_k] + 1 + floor(r11 * ${sqlInts(subjCnt)}[type_k])::int] AS subj_norm,
               CASE WHEN r14 < 0.3 THEN 1 + floor(r14 / 0.3 * $8)::int END AS di
        FROM (
          SELECT g.*,
                 1 + width_bucket(r2, ${sqlFloats(cumulative([0.4, 0.25, 0.15, 0.05, 0.15]))}) AS type_k,
                 (ARRAY['inquiry','help_request','complaint','suggestion','other'])[1 + width_bucket(r2, ${sqlFloats(cumulative([0.4, 0.25, 0.15, 0.05, 0.15]))})] AS type,
                 1 + width_bucket(r3, ${sqlFloats(cumulative(V.TEAM_WEIGHTS))}) AS team_k,
                 (ARRAY['new','open','pending','with_committee'])[1 + width_bucket(r5, ARRAY[0.25,0.7,0.9]::float8[])] AS active_status,
                 (ARRAY['low','normal','high','urgent'])[1 + width_bucket(r8, ARRAY[0.1,0.8,0.95]::float8[])] AS priority,
                 CASE WHEN r2 >= 0.4 AND r2 < 0.65 AND r10 < 0.5 THEN 'help_request'
                      ELSE ${sqlArray(channels)}[1 + width_bucket(r9, ${sqlFloats(channelCum)})] END AS channel,
                 1 + floor($5 * power(r10, 1.3))::int AS contact_k
          FROM (
            SELECT i, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8,
                   random() r9, random() r10, random() r11, random() r12, random() r13, random() r14,
                   $1::timestamptz + ((i - 1) + random()) * ${stepSeconds} * interval '1 second' AS created_at
            FROM generate_series(${a}, ${b}) i OFFSET 0
          ) g
        ) x
      ) y
    ) z`;
  const ticketParams = [t0, now, subjRaw, norm(subjRaw), N_CONTACTS, V.DISTRICTS, norm(V.DISTRICTS), V.DISTRICTS.length];

  const chunks = (n, parts) => {
    const size = Math.ceil(n / parts);
    return Array.from({ length: parts }, (_, k) => [k * size + 1, Math.min(n, (k + 1) * size)]).filter(([a, b]) => a <= b);
  };
  await step(`${N_TICKETS.toLocaleString('en')} tickets (${JOBS} connections)`, async () => {
    await parallel(
      JOBS,
      chunks(N_TICKETS, Math.max(JOBS, Math.ceil(N_TICKETS / 250_000))).map(([a, b]) => async () => {
        const c = await connect();
        await c.query(ticketSql(a, b), ticketParams);
        await c.end();
      }),
    );
    await db.query(
      `INSERT INTO ticket_number_counters (hijri_year, last_value)
       SELECT split_part(number, '-', 1)::int, max(split_part(number, '-', 2)::int) FROM tickets GROUP BY 1`,
    );
    await db.query('ANALYZE tickets');
  });

  // ---- messages -----------------------------------------------------------------------------
  const messageSql = (lo, hi) => `
    INSERT INTO messages (ticket_id, direction, channel, author_contact_id, author_user_id, body, delivery_status, search_text, created_at)
    SELECT ticket_id, direction, channel,
           CASE WHEN direction = 'inbound' THEN contact_id END,
           CASE WHEN direction <> 'inbound' THEN assignee_id END,
           concat_ws(' ', pre_raw, b.raw, extra_raw, close_raw),
           CASE direction WHEN 'inbound' THEN 'received' WHEN 'outbound' THEN (ARRAY['delivered','read','sent'])[1 + floor(rc * 3)::int] END,
           concat_ws(' ', pre_norm, b.norm, extra_norm, close_norm),
           created_at
    FROM (
      SELECT m.*,
             CASE WHEN direction = 'inbound' AND n = 1 AND rg < 0.7 THEN ($1::text[])[1 + floor(rgi * $3)::int]
                  WHEN direction = 'outbound' AND rg < 0.5 THEN ($4::text[])[1 + floor(rgi * $6)::int] || ' ' || first_raw
                  WHEN direction = 'note' THEN ($7::text[])[1 + floor(rgi * $9)::int] END AS pre_raw,
             CASE WHEN direction = 'inbound' AND n = 1 AND rg < 0.7 THEN ($2::text[])[1 + floor(rgi * $3)::int]
                  WHEN direction = 'outbound' AND rg < 0.5 THEN ($5::text[])[1 + floor(rgi * $6)::int] || ' ' || first_norm
                  WHEN direction = 'note' THEN ($8::text[])[1 + floor(rgi * $9)::int] END AS pre_norm,
             CASE WHEN rx < 0.0004 THEN ($10::text[])[1 + floor(rxi * $12)::int]
                  WHEN rx < 0.05 THEN ($13::text[])[1 + floor(rxi * $15)::int] END AS extra_raw,
             CASE WHEN rx < 0.0004 THEN ($11::text[])[1 + floor(rxi * $12)::int]
                  WHEN rx < 0.05 THEN ($14::text[])[1 + floor(rxi * $15)::int] END AS extra_norm,
             CASE WHEN direction <> 'note' AND rc < 0.4 THEN ($16::text[])[1 + floor(rci * $18)::int] END AS close_raw,
             CASE WHEN direction <> 'note' AND rc < 0.4 THEN ($17::text[])[1 + floor(rci * $18)::int] END AS close_norm
      FROM (
        SELECT m0.*, CASE WHEN n = 1 THEN 'inbound' WHEN rd < 0.12 THEN 'note' WHEN n % 2 = 0 THEN 'outbound' ELSE 'inbound' END AS direction
        FROM (
          SELECT t.id AS ticket_id, t.channel, t.contact_id, t.assignee_id, s.n,
                 split_part(ct.name, ' ', 1) AS first_raw, split_part(ct.search_text, ' ', 1) AS first_norm,
                 t.created_at + (t.last_activity_at - t.created_at) * ((s.n - 1)::float8 / greatest(c.cnt - 1, 1)) AS created_at,
                 random() rd, random() rg, random() rgi, random() rx, random() rxi, random() rc, random() rci
          FROM tickets t
          JOIN contacts ct ON ct.id = t.contact_id
          CROSS JOIN LATERAL (SELECT 1 + abs(hashtext(t.id::text)) % ${MESSAGES_PER_TICKET_MAX} AS cnt) c
          CROSS JOIN LATERAL generate_series(1, c.cnt) s(n)
          WHERE t.created_at >= '${lo}' AND t.created_at < '${hi}'
          OFFSET 0
        ) m0
      ) m
    ) mm
    CROSS JOIN LATERAL (
      SELECT string_agg(p.raw, ' ') AS raw, string_agg(p.norm, ' ') AS norm
      FROM (SELECT 1 + floor(random() * ${N_PHRASES})::int AS pid FROM generate_series(1, 2 + floor(random() * 10)::int + 0 * mm.n) OFFSET 0) x
      JOIN _bench_phrases p ON p.id = x.pid
    ) b`;
  const messageParams = [
    V.INBOUND_GREETINGS,
    norm(V.INBOUND_GREETINGS),
    V.INBOUND_GREETINGS.length,
    V.OUTBOUND_GREETINGS,
    norm(V.OUTBOUND_GREETINGS),
    V.OUTBOUND_GREETINGS.length,
    V.NOTE_PREFIXES,
    norm(V.NOTE_PREFIXES),
    V.NOTE_PREFIXES.length,
    V.RARE_WORDS,
    norm(V.RARE_WORDS),
    V.RARE_WORDS.length,
    V.DISTRICTS,
    norm(V.DISTRICTS),
    V.DISTRICTS.length,
    V.CLOSINGS,
    norm(V.CLOSINGS),
    V.CLOSINGS.length,
  ];
  await step(`~${(N_TICKETS * 5).toLocaleString('en')} messages (${JOBS} connections)`, async () => {
    const parts = Math.max(JOBS * 2, Math.ceil(N_TICKETS / 125_000));
    const span = now.getTime() - t0.getTime();
    const bounds = Array.from({ length: parts + 1 }, (_, k) =>
      k === 0 ? '-infinity' : k === parts ? 'infinity' : new Date(t0.getTime() + (span * k) / parts).toISOString(),
    );
    let done = 0;
    await parallel(
      JOBS,
      bounds.slice(0, -1).map((lo, k) => async () => {
        const c = await connect();
        // Index lookups for the few phrases of each message, never a hash of the whole phrase table per message.
        await c.query('SET enable_hashjoin = off; SET enable_mergejoin = off');
        const r = await c.query(messageSql(lo, bounds[k + 1]), messageParams);
        await c.end();
        done++;
        console.log(`  part ${done}/${parts}: ${r.rowCount.toLocaleString('en')} messages`);
      }),
    );
    await db.query('DROP TABLE _bench_phrases');
  });

  // ---- rebuild --------------------------------------------------------------------------------
  await step(`rebuild keys and indexes of tickets and messages (${JOBS} connections)`, async () => {
    const tasks = [
      async () => {
        const c = await connect();
        await rebuild(c, ['messages'], ['keys']);
        for (const i of defs.indexes.filter((i) => i.tbl === 'messages')) await createIndex(c, i);
        await c.end();
      },
      async () => {
        const c = await connect();
        await rebuild(c, ['tickets'], ['keys']);
        for (const i of defs.indexes.filter((i) => i.tbl === 'tickets')) await createIndex(c, i);
        await c.end();
      },
    ];
    await parallel(JOBS, tasks);
  });
  await step('restore foreign keys', async () => {
    for (const f of defs.fks) await db.query(`ALTER TABLE "${f.tbl}" ADD CONSTRAINT "${f.conname}" ${f.def}`);
  });

  await step('check search keys against normalizeSearchText on a sample', async () => {
    const bad = [];
    const m = await db.query('SELECT body, search_text FROM messages TABLESAMPLE SYSTEM (0.02) LIMIT 2000');
    for (const r of m.rows) if (normalizeSearchText(r.body) !== r.search_text) bad.push(['message', r.body, r.search_text]);
    const t = await db.query('SELECT subject, subject_search FROM tickets TABLESAMPLE SYSTEM (0.2) LIMIT 2000');
    for (const r of t.rows) if (normalizeSearchText(r.subject) !== r.subject_search) bad.push(['ticket', r.subject, r.subject_search]);
    const c = await db.query(`
      SELECT c.name, c.membership_number, c.search_text,
             array_agg(i.address ORDER BY i.kind DESC) FILTER (WHERE i.kind = 'phone') AS phones,
             array_agg(i.address) FILTER (WHERE i.kind = 'email') AS emails
      FROM contacts c TABLESAMPLE SYSTEM (1) JOIN contact_identities i ON i.contact_id = c.id
      GROUP BY c.id LIMIT 2000`);
    let phonesChecked = 0;
    for (const r of c.rows) {
      // the same parts, in the same order, as ContactsService.refreshSearchText
      const parts = [r.name, r.membership_number ?? '', ...(r.phones ?? []).flatMap((a) => [a, `0${a.slice(4)}`]), ...(r.emails ?? [])];
      if (normalizeSearchText(parts.join(' ')) !== r.search_text) bad.push(['contact', parts.join(' '), r.search_text]);
      for (const a of r.phones ?? []) {
        phonesChecked++;
        if (normalizePhoneNumber(`0${a.slice(4)}`) !== a) bad.push(['phone', a, normalizePhoneNumber(`0${a.slice(4)}`)]);
      }
    }
    const checked = { messages: m.rowCount, tickets: t.rowCount, contacts: c.rowCount, phones: phonesChecked };
    meta.normalisationCheck = { checked, mismatches: bad.length };
    console.log(`  checked ${JSON.stringify(checked)}: ${bad.length} mismatches`);
    if (bad.length) {
      console.error(bad.slice(0, 5));
      throw new Error('stored search keys differ from normalizeSearchText');
    }
  });
  await db.end();
}
