// `npm run build`: the api and worker, then the web console when it exists.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

for (const script of ['build:server', ...(existsSync('apps/web/index.html') ? ['build:web'] : [])]) {
  const r = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
