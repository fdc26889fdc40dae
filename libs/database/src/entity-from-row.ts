import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** A row as plain SQL returns it: `SELECT t.*` (dates as Date) or `to_jsonb(t)` (dates as ISO text). */
export type Row = Record<string, unknown>;

/**
 * The entity of a row read with plain SQL, each column converted as TypeORM converts what it reads
 * (dates, numbers, column transformers). For the per-message path, where TypeORM's query building and
 * result transformation cost more CPU than the query itself.
 */
export function entityFromRow<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: Row): T {
  const metadata = manager.connection.getMetadata(target);
  const { driver } = manager.connection;
  const entity = metadata.create() as Record<string, unknown>;
  for (const column of metadata.columns) {
    if (column.databaseName in row) entity[column.propertyName] = driver.prepareHydratedValue(row[column.databaseName], column);
  }
  return entity as T;
}
