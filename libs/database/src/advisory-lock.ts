import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Runs `fn` while holding a PostgreSQL advisory lock named by `key`, across every process.
 * Used where two workers could otherwise both decide "no ticket yet, open one".
 */
export async function withAdvisoryLock<T>(dataSource: DataSource, key: string, fn: () => Promise<T>): Promise<T> {
  const id = createHash('sha256').update(key).digest().readBigInt64BE(0).toString();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1::bigint)', [id]);
    try {
      return await fn();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1::bigint)', [id]);
    }
  } finally {
    await runner.release();
  }
}
