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

/** The one writer of the audit log. Pass the transaction's manager so the entry commits with the change it describes. */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntry)
    private readonly entries: Repository<AuditEntry>,
  ) {}

  async record(record: AuditRecord, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEntry) : this.entries;
    // jsonb columns: TypeORM's deep-partial typing cannot express free-form records.
    await repo.insert({
      actorId: record.actorId,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId ?? null,
      before: (record.before ?? null) as never,
      after: (record.after ?? null) as never,
      ip: record.ip ?? null,
    });
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
