import type { ClientBase } from 'pg';
import { ids } from '../../catalog/object-id.js';
import { inSchemas, type QueryParams } from '../../introspect/filter.js';
import type { ExtensionInfo } from './extension.model.js';

/**
 * Extensions installed into the managed schemas, and those installed into pg_catalog (they
 * belong to no user schema, so to the database: the service's own). plpgsql is always there.
 * Their member objects are left out of the other kinds.
 */
export async function readExtensions(
  client: ClientBase,
  filter: QueryParams,
): Promise<Record<string, ExtensionInfo>> {
  const { rows } = await client.query<{
    name: string;
    schema: string;
    version: string;
    default_version: string | null;
    updatable_to: string[] | null;
  }>(
    `SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version,
            (SELECT a.default_version FROM pg_available_extensions a WHERE a.name = e.extname) AS default_version,
            (SELECT array_agg(u.target ORDER BY u.target) FROM pg_extension_update_paths(e.extname) u
              WHERE u.source = e.extversion AND u.path IS NOT NULL) AS updatable_to
       FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
      WHERE e.extname <> 'plpgsql' AND (${inSchemas('n.nspname')} OR n.nspname = 'pg_catalog')
      ORDER BY 1`,
    [filter.schemas],
  );
  const out: Record<string, ExtensionInfo> = {};
  for (const row of rows) {
    const extension: ExtensionInfo = { name: row.name, schema: row.schema, version: row.version };
    if (row.default_version !== null) extension.defaultVersion = row.default_version;
    if (row.updatable_to?.length) extension.updatableTo = row.updatable_to;
    out[ids.extension(row.name)] = extension;
  }
  return out;
}
