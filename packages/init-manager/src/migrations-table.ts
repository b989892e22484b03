import type { ClientBase } from 'pg';
import { qualified, quoteIdent, quoteLiteral, type TableName } from './sql-identifiers.js';

export interface AppliedMigration {
  version: string;
  name: string;
  checksum: string;
  appliedAt: Date;
  durationMs: number;
}

export const DEFAULT_MIGRATIONS_TABLE: TableName = { schema: 'public', name: 'schema_migrations' };

export async function tableExists(client: ClientBase, table: TableName): Promise<boolean> {
  const { rows } = await client.query<{ oid: string | null }>('SELECT to_regclass($1) AS oid', [
    qualified(table),
  ]);
  return rows[0].oid !== null;
}

export async function ensureMigrationsTable(client: ClientBase, table: TableName): Promise<void> {
  // One message (one implicit transaction) for both.
  await client.query(
    `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(table.schema)};
     CREATE TABLE IF NOT EXISTS ${qualified(table)} (
       version text PRIMARY KEY,
       name text NOT NULL,
       checksum text NOT NULL,
       applied_at timestamptz NOT NULL DEFAULT now(),
       duration_ms integer NOT NULL
     )`,
  );
}

export async function readAppliedMigrations(
  client: ClientBase,
  table: TableName,
): Promise<AppliedMigration[]> {
  if (!(await tableExists(client, table))) return [];
  const { rows } = await client.query<{
    version: string;
    name: string;
    checksum: string;
    applied_at: Date;
    duration_ms: number;
  }>(
    `SELECT version, name, checksum, applied_at, duration_ms FROM ${qualified(table)} ORDER BY version::numeric`,
  );
  return rows.map((row) => ({
    version: row.version,
    name: row.name,
    checksum: row.checksum,
    appliedAt: row.applied_at,
    durationMs: row.duration_ms,
  }));
}

/** The row of an applied migration; `durationSql` (an SQL integer expression) replaces durationMs. */
export function insertAppliedSql(
  table: TableName,
  row: { version: string; name: string; checksum: string; durationMs: number },
  durationSql?: string,
): string {
  return (
    `INSERT INTO ${qualified(table)} (version, name, checksum, duration_ms) VALUES ` +
    `(${quoteLiteral(row.version)}, ${quoteLiteral(row.name)}, ${quoteLiteral(row.checksum)}, ${durationSql ?? Math.round(row.durationMs)})`
  );
}

export function deleteAppliedSql(table: TableName, version: string): string {
  return `DELETE FROM ${qualified(table)} WHERE version = ${quoteLiteral(version)}`;
}
