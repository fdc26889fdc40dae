export { DatabaseModule } from './database.module.js';
export { ensureDatabase, runMigrations, prepareDatabase } from './database-setup.js';
export { parseDatabaseUrl, withDatabase, quoteIdent } from './database-url.js';
export { schemaDiff } from './schema-diff.js';
export { SnakeNamingStrategy } from './snake-naming.strategy.js';
export { MIGRATIONS } from './migrations/index.js';
export { withAdvisoryLock } from './advisory-lock.js';
export { entityFromRow, type Row } from './entity-from-row.js';
