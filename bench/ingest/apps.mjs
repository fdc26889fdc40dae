// Shared by bench/ingest and bench/sla: a fresh bench database, a snapshot of the compiled
// product, the real api and worker as child processes, and small statistics helpers.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export const args = process.argv.slice(2);
export const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
export const flag = (name) => args.includes(`--${name}`);

/**
 * Others rebuild the shared dist/ while we run: copy dist/apps + dist/libs (≈ a few MB) to a temp
 * folder with node_modules linked beside it, so the apps we start keep the code we started with.
 * `--dist DIR` uses DIR as is.
 */
export function snapshotDist() {
  const given = option('dist', process.env.BENCH_DIST);
  if (given) return { dir: path.resolve(given), cleanup: () => {} };
  const src = path.join(root, 'dist');
  if (!existsSync(path.join(src, 'apps/api/src/main.js'))) throw new Error('dist/apps/api/src/main.js is missing: run `npm run build:server` first');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-dist-'));
  cpSync(path.join(src, 'apps'), path.join(dir, 'apps'), { recursive: true });
  cpSync(path.join(src, 'libs'), path.join(dir, 'libs'), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n'); // the compiled files are ES modules

  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
export const distUrl = (distDir, p) => pathToFileURL(path.join(distDir, p)).href;

/** A new empty database like the product creates it (C.UTF-8 so pg_trgm reads Arabic). */
export async function createDatabase(name) {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  await admin.end();
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}
export async function dropDatabase(name) {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

/** Deletes every key under a prefix (SCAN + UNLINK), so a run leaves Redis as it found it. */
export async function clearRedisPrefix(prefix) {
  const { Redis } = await import('ioredis');
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await r.connect();
  let cursor = '0';
  let n = 0;
  do {
    const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) n += await r.unlink(...keys);
  } while (cursor !== '0');
  await r.quit();
  return n;
}

export async function freePort() {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Starts `node <dist>/apps/<app>/src/main.js` with env; stderr/stdout are kept for the report on failure. */
export function startApp(distDir, app, env, label = app, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, path.join(distDir, `apps/${app}/src/main.js`)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = [];
  const keep = (chunk) => {
    for (const line of String(chunk).split('\n')) if (line.trim()) tail.push(line.slice(0, 400));
    if (tail.length > 200) tail.splice(0, tail.length - 200);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.on('exit', (code, signal) => {
    if (!child.stopping) console.error(`[${label}] exited early (${code ?? signal}); last lines:\n${tail.slice(-20).join('\n')}`);
  });
  return {
    child,
    tail,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode) return;
      child.stopping = true;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(t);
    },
  };
}

export async function waitForHealth(base, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error(`api at ${base} not healthy after ${timeoutMs} ms`);
    await sleep(250);
  }
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
export function cpuMs(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // clock ticks; USER_HZ = 100 on Linux
  } catch {
    return NaN;
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const now = () => Number(process.hrtime.bigint()) / 1e6;
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
export function stats(values) {
  if (!values.length) return { n: 0 };
  const s = Float64Array.from(values).sort();
  const r = (x) => Math.round(x * 100) / 100;
  let sum = 0;
  for (const v of s) sum += v;
  return { n: s.length, p50: r(pct(s, 50)), p95: r(pct(s, 95)), p99: r(pct(s, 99)), max: r(s[s.length - 1]), mean: r(sum / s.length) };
}

export async function machine() {
  const { execSync } = await import('node:child_process');
  const sh = (c) => {
    try {
      return execSync(c, { encoding: 'utf8' }).trim();
    } catch {
      return '?';
    }
  };
  return {
    date: new Date().toISOString(),
    nproc: sh('nproc'),
    cpu: sh("lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1"),
    ramGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: sh(`psql "${PG_ADMIN_URL}" -Atc 'show server_version'`),
    redis: sh("redis-cli info server | sed -n 's/^redis_version://p' | tr -d '\\r'"),
    loadavg: os.loadavg().map((x) => x.toFixed(2)).join(' '),
  };
}

/** Cleans up on Ctrl-C too: every registered function runs once. */
const cleanups = [];
export function onCleanup(fn) {
  cleanups.push(fn);
}
export async function cleanupAll() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (e) {
      console.error('cleanup:', e.message);
    }
  }
}
// A crash still stops the apps, drops the database and clears the Redis prefix.
for (const ev of ['uncaughtException', 'unhandledRejection']) {
  process.once(ev, async (error) => {
    console.error(`${ev}:`, error);
    process.on('unhandledRejection', () => {});
    process.on('uncaughtException', () => {});
    await cleanupAll();
    process.exit(1);
  });
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, async () => {
    console.error(`${sig}: cleaning up`);
    // The interrupted main code may fail on closed pools while we clean up: that is expected.
    process.on('unhandledRejection', () => {});
    process.on('uncaughtException', () => {});
    await cleanupAll();
    process.exit(130);
  });
}
