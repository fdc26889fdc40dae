/** Splits a postgres URL into the database name and a URL of the same server's maintenance database. */
export function parseDatabaseUrl(url: string): {
  database: string;
  maintenanceUrl: string;
  host: string;
  port: string;
} {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres';
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  return {
    database,
    maintenanceUrl: maintenance.toString(),
    host: parsed.hostname,
    port: parsed.port || '5432',
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
