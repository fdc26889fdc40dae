import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from './app-config.js';

/**
 * The secret used for tokens and national-ID encryption. Production must set AUTH_SECRET;
 * elsewhere one is generated on first start and kept in DATA_DIR so restarts keep sessions
 * and encrypted data readable.
 */
export function resolveAuthSecret(config: AppConfig): string {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  const dir = resolve(config.DATA_DIR);
  const file = join(dir, 'dev-secret.json');
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as {
      authSecret?: string;
    };
    if (stored.authSecret && stored.authSecret.length >= 32) return stored.authSecret;
  } catch {
    // no stored secret yet
  }
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify({ authSecret: secret }), { mode: 0o600 });
  return secret;
}
