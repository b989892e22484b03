import type { ClientBase } from 'pg';
import { ids } from '../../catalog/object-id.js';
import type { ExtensionInfo } from './extension.model.js';

/** Every extension but plpgsql (always there); their member objects are left out of other kinds. */
export async function readExtensions(client: ClientBase): Promise<Record<string, ExtensionInfo>> {
  const { rows } = await client.query<{ name: string; schema: string }>(
    `SELECT e.extname AS name, n.nspname AS schema
       FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
      WHERE e.extname <> 'plpgsql'
      ORDER BY 1`,
  );
  const out: Record<string, ExtensionInfo> = {};
  for (const row of rows) out[ids.extension(row.name)] = { name: row.name, schema: row.schema };
  return out;
}
