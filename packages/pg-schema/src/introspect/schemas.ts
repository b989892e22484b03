import type { ClientBase } from 'pg';
import type { ExtensionInfo, SchemaInfo } from '../catalog/catalog.js';
import { ids } from '../catalog/object-id.js';
import { inSchemas, notExtensionMember, type QueryParams } from './filter.js';

export async function readSchemas(
  client: ClientBase,
  filter: QueryParams,
): Promise<Record<string, SchemaInfo>> {
  const { rows } = await client.query<{ name: string; comment: string | null }>(
    `SELECT n.nspname AS name, obj_description(n.oid, 'pg_namespace') AS comment
       FROM pg_namespace n
      WHERE ${inSchemas('n.nspname')} AND ${notExtensionMember('pg_namespace', 'n.oid')}
      ORDER BY 1`,
    [filter.schemas],
  );
  const out: Record<string, SchemaInfo> = {};
  for (const row of rows) out[ids.schema(row.name)] = withComment({ name: row.name }, row.comment);
  return out;
}

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

/** Adds `comment` only when there is one, so absent comments leave no key behind. */
export function withComment<T extends object>(
  value: T,
  comment: string | null | undefined,
): T & { comment?: string } {
  return comment == null ? value : { ...value, comment };
}
