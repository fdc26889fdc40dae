import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppConfig, loadConfig } from '@app/common';
import { createApiApp } from '../../apps/api/src/api-app.js';
import { createWorkerApp } from '../../apps/worker/src/worker-app.js';
import { createTestDatabase, dropTestDatabase } from './test-database.js';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * One isolated world per test file: its own database (cloned from the migrated template),
 * its own Redis prefix and data folder. Apps started from it are the real api and worker.
 */
export class TestEnvironment {
  readonly id = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  readonly databaseName = `helpdesk_test_${this.id}`;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-test-'));
  config!: AppConfig;
  api?: NestExpressApplication;
  worker?: INestApplicationContext;
  baseUrl = '';

  constructor(private readonly overrides: Record<string, string> = {}) {}

  async setup(): Promise<this> {
    const databaseUrl = await createTestDatabase(this.databaseName);
    this.config = this.configWith({});
    this.config.DATABASE_URL = databaseUrl;
    return this;
  }

  /** The settings of this environment, with more overrides (used for config-error tests too). */
  configWith(extra: Record<string, string>): AppConfig {
    return loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      // Every worker listens for mail; a free port each, so test files never collide.
      SMTP_INBOUND_PORT: '0',
      DATABASE_URL: this.config?.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/unused',
      REDIS_URL,
      REDIS_PREFIX: `hdtest-${this.id}`,
      DATA_DIR: this.dataDir,
      AUTH_SECRET: 'test-secret-that-is-long-enough-0123456789',
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      ...this.overrides,
      ...extra,
    });
  }

  async startApi(): Promise<string> {
    this.api = await createApiApp(this.config);
    await this.api.listen(0, '127.0.0.1');
    const address = this.api.getHttpServer().address() as { port: number };
    this.baseUrl = `http://127.0.0.1:${address.port}`;
    return this.baseUrl;
  }

  async startWorker(): Promise<INestApplicationContext> {
    this.worker = await createWorkerApp(this.config);
    return this.worker;
  }

  async stopWorker(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
  }

  async teardown(): Promise<void> {
    await this.api?.close();
    await this.stopWorker();
    await dropTestDatabase(this.databaseName);
    await deleteRedisKeys(`hdtest-${this.id}`);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
