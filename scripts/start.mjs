// `npm start`: build what is missing, check PostgreSQL and Redis, migrate, create the first
// admin, seed demo data, then run the api and the worker in the foreground with prefixed logs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import net from 'node:net';

const root = new URL('..', import.meta.url).pathname;
// Settings may also come from a .env file beside package.json (see config/example.env).
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));
const env = { ...process.env, DEMO_DATA: process.env.DEMO_DATA ?? 'true' };
const databaseUrl = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/helpdesk';
const redisUrl = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const port = env.PORT ?? '3000';

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  const serverOut = join(root, 'dist/apps/api/src/main.js');
  const serverSrc = Math.max(newestMtime(join(root, 'apps/api/src')), newestMtime(join(root, 'apps/worker/src')), newestMtime(join(root, 'libs')));
  if (!existsSync(serverOut) || statSync(serverOut).mtimeMs < serverSrc) run('build:server', 'Building the api and worker');
  const webOut = join(root, 'dist/web/index.html');
  if (existsSync(join(root, 'apps/web/index.html')) && (!existsSync(webOut) || statSync(webOut).mtimeMs < newestMtime(join(root, 'apps/web')))) {
    run('build:web', 'Building the web console');
  }
}

function run(script, label) {
  console.log(`${label}…`);
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`npm run ${script} failed; see the errors above.`);
    process.exit(result.status ?? 1);
  }
}

function reachable(url, defaultPort) {
  const { hostname, port: p } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(p || defaultPort), timeout: 3000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

async function preflight() {
  const pgUrl = new URL(databaseUrl);
  if (!(await reachable(databaseUrl, 5432))) {
    console.error(
      `PostgreSQL is not reachable at ${pgUrl.hostname}:${pgUrl.port || 5432} (DATABASE_URL). Start it (e.g. \`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\`) or run \`docker compose up\`.`,
    );
    process.exit(1);
  }
  const rUrl = new URL(redisUrl);
  if (!(await reachable(redisUrl, 6379))) {
    console.error(
      `Redis is not reachable at ${rUrl.hostname}:${rUrl.port || 6379} (REDIS_URL). Start it (e.g. \`redis-server --daemonize yes --bind 127.0.0.1 --port 6379\`) or run \`docker compose up\`.`,
    );
    process.exit(1);
  }
}

const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** Prints each JSON log line of a child as one short readable line with the app's name in front. */
function pipeWithPrefix(stream, name, out) {
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const text = format(line);
      if (text !== null) out.write(`[${name}] ${text}\n`);
    }
  });
}

// Nest's start-up chatter (one line per module and route) hides what matters.
const QUIET_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

function format(line) {
  try {
    const e = JSON.parse(line);
    if (QUIET_CONTEXTS.has(e.context) && e.level <= 30) return null;
    const time = new Date(e.time ?? Date.now()).toISOString().slice(11, 19);
    const req = e.req ? ` ${e.req.method} ${e.req.path}` : '';
    const res = e.res ? ` ${e.res.statusCode}${e.responseTime !== undefined ? ` ${e.responseTime}ms` : ''}` : '';
    const ctx = e.context ? `[${e.context}] ` : '';
    const err = e.err?.message ? ` – ${e.err.message}` : '';
    return `${time} ${(LEVELS[e.level] ?? 'INFO').padEnd(5)} ${ctx}${e.msg ?? ''}${req}${res}${err}`;
  } catch {
    return line;
  }
}

function startChild(name, script) {
  const child = spawn(process.execPath, ['--enable-source-maps', script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  pipeWithPrefix(child.stdout, name, process.stdout);
  pipeWithPrefix(child.stderr, name, process.stderr);
  return child;
}

async function waitForHealth() {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

ensureBuilt();
await preflight();
const setup = spawnSync(process.execPath, ['--enable-source-maps', 'dist/apps/api/src/setup/setup-main.js'], { cwd: root, env, stdio: 'inherit' });
if (setup.status !== 0) process.exit(setup.status ?? 1);

const children = [startChild('api', 'dist/apps/api/src/main.js'), startChild('worker', 'dist/apps/worker/src/main.js')];
let stopping = false;

function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\nStopping (${signal})…`);
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  // Shutdown waits for running jobs; give up after 30 s.
  setTimeout(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  }, 30_000).unref();
}

process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

let exited = 0;
for (const c of children) {
  c.on('exit', (code) => {
    exited += 1;
    if (!stopping) {
      console.error(`A process exited unexpectedly (code ${code}); stopping the other.`);
      stop('exit');
      process.exitCode = 1;
    }
    if (exited === children.length) process.exit(process.exitCode ?? 0);
  });
}

if (await waitForHealth()) {
  const base = env.PUBLIC_BASE_URL ?? `http://localhost:${port}`;
  console.log(`\n  Helpdesk is running: console ${base}/  ·  API docs ${base}/api/docs  ·  Ctrl-C stops it\n`);
}
