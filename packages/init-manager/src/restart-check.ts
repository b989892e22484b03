import type { ClientBase } from 'pg';
import { qualified, type TableName } from './sql-identifiers.js';

/**
 * The history as migrations.sum would sum it: count, and `h1:` + base64 SHA-256 of the lines
 * `<version>_<name>.sql <checksum>` in file-name order (byte order, as the sum file sorts), joined
 * by newlines. Equal to the sum's total exactly when the recorded migrations are the files.
 */
export function historyTotalSql(table: TableName): string {
  const fileName = `version || '_' || name || '.sql'`;
  return (
    `SELECT count(*)::int AS n, 'h1:' || encode(sha256(convert_to(coalesce(` +
    `string_agg(${fileName} || ' ' || checksum, E'\\n' ORDER BY (${fileName}) COLLATE "C"), ''), 'UTF8')), 'base64') AS total ` +
    `FROM ${qualified(table)}`
  );
}

/**
 * Reads the recorded history's total with one query and no lock (a restart with nothing to do pays
 * only this). Undefined when it cannot be read (no history table yet): the caller takes the full path.
 */
export async function readHistoryTotal(
  client: ClientBase,
  table: TableName,
): Promise<{ count: number; total: string } | undefined> {
  try {
    const { rows } = await client.query<{ n: number; total: string }>(historyTotalSql(table));
    return { count: rows[0].n, total: rows[0].total };
  } catch {
    return undefined;
  }
}
