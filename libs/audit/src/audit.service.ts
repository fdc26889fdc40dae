import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { decodeCursor, DomainError, encodeCursor } from '@app/common';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  ip?: string | null;
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  limit: number;
  cursor?: string;
}

const AUDIT_COLUMNS = ['actor_id', 'action', 'entity_type', 'entity_id', 'before', 'after', 'ip'];

/** A jsonb parameter: node-postgres would send a JavaScript array as a Postgres array, so every value goes as JSON text. */
function jsonb(value: Record<string, unknown> | null | undefined): string | null {
  return value == null ? null : JSON.stringify(value);
}

/** The insert of these entries, its parameters numbered from `$${offset + 1}`. */
function auditInsert(records: AuditRecord[], offset: number): { sql: string; values: unknown[] } {
  const rows = records.map((_, i) => `(${AUDIT_COLUMNS.map((__, c) => `$${offset + i * AUDIT_COLUMNS.length + c + 1}`).join(', ')})`);
  const values = records.flatMap((r) => [r.actorId, r.action, r.entityType, r.entityId ?? null, jsonb(r.before), jsonb(r.after), r.ip ?? null]);
  return { sql: `INSERT INTO audit_log (${AUDIT_COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`, values };
}

/** The one writer of the audit log. Pass the transaction's manager so the entry commits with the change it describes. */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntry)
    private readonly entries: Repository<AuditEntry>,
  ) {}

  async record(record: AuditRecord, manager?: EntityManager): Promise<void> {
    await this.recordMany([record], manager);
  }

  /**
   * Several entries in one insert, written in the given order (e.g. everything one transaction
   * did): one statement instead of one per entry. A plain insert: nothing is read back.
   */
  async recordMany(records: AuditRecord[], manager?: EntityManager): Promise<void> {
    if (!records.length) return;
    const insert = auditInsert(records, 0);
    await (manager ?? this.entries.manager).query(insert.sql, insert.values);
  }

  /**
   * A change and the entries describing it in one statement, which commits or fails as a whole
   * without a transaction around it. `change`: one UPDATE, INSERT or DELETE with its $n parameters.
   */
  async recordWithChange(change: { sql: string; parameters: unknown[] }, records: AuditRecord[], manager?: EntityManager): Promise<void> {
    const m = manager ?? this.entries.manager;
    if (!records.length) return void (await m.query(change.sql, change.parameters));
    const insert = auditInsert(records, change.parameters.length);
    await m.query(`WITH change AS (${change.sql}) ${insert.sql}`, [...change.parameters, ...insert.values]);
  }

  /** Newest first, keyset-paginated on the write sequence. */
  async list(query: AuditQuery): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
    const qb = this.entries
      .createQueryBuilder('a')
      .orderBy('a.seq', 'DESC')
      .limit(query.limit + 1);
    if (query.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.cursor) {
      const { seq } = decodeCursor(query.cursor, ['seq'] as const);
      if (!/^\d+$/.test(String(seq))) throw new DomainError('invalid_input', 'cursor is not valid; use the nextCursor value of the previous page');
      qb.andWhere('a.seq < :seq', { seq });
    }
    const rows = await qb.getMany();
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    const nextCursor = rows.length > query.limit && last ? encodeCursor({ seq: last.seq }) : null;
    return { items, nextCursor };
  }
}
