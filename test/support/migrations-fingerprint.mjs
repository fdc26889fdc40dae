// A short hash of every migration file: the name of the migrated test template, so a template is
// reused until the migrations change, and concurrent runs of the same code share it safely.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('../../libs/database/src/migrations/', import.meta.url).pathname;

export function migrationsFingerprint() {
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  return hash.digest('hex').slice(0, 12);
}

export const TEMPLATE_PREFIX = 'helpdesk_test_tpl_';
