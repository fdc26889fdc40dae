import { DomainError } from '../errors/domain-error.js';

/**
 * Keyset pagination cursors: an opaque base64url JSON of the last row's sort key.
 * A cursor that does not decode is a 400 naming `cursor`.
 */
export function encodeCursor(key: Record<string, string | number | null>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<K extends string>(cursor: string, fields: readonly K[]): Record<K, string | number | null> {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof value !== 'object' || value === null) throw new Error('not an object');
    for (const f of fields) {
      const v = value[f];
      if (!(typeof v === 'string' || typeof v === 'number' || v === null)) throw new Error(`missing ${f}`);
    }
    return value as Record<K, string | number | null>;
  } catch {
    throw new DomainError('invalid_input', 'cursor is not valid; use the nextCursor value of the previous page');
  }
}
