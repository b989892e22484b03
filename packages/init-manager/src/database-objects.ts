import type { ClientBase } from 'pg';
import type { TableName } from './sql-identifiers.js';

export interface SchemaObjects {
  count: number;
  /** Up to ten `kind schema.name` examples, for messages. */
  examples: string[];
}

/**
 * Counts user objects (relations, types, routines) in the given schemas, leaving out extension
 * members and init-manager's own tables, to tell an empty database from an unmanaged one.
 */
export async function findSchemaObjects(
  client: ClientBase,
  schemas: string[],
  ignoreTables: TableName[],
): Promise<SchemaObjects> {
  const ignored = ignoreTables.map((table) => `${table.schema}.${table.name}`);
  const { rows } = await client.query<{ kind: string; name: string }>(
    `WITH objs AS (
       SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view'
                WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' ELSE 'foreign table' END AS kind,
              n.nspname || '.' || c.relname AS name, 'pg_class'::regclass AS classid, c.oid AS objid
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
       UNION ALL
       SELECT 'type', n.nspname || '.' || t.typname, 'pg_type'::regclass, t.oid
         FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = ANY($1) AND t.typtype IN ('e', 'd', 'r', 'm')
           OR (n.nspname = ANY($1) AND t.typtype = 'c'
               AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
       UNION ALL
       SELECT 'function', n.nspname || '.' || p.proname, 'pg_proc'::regclass, p.oid
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = ANY($1)
     )
     SELECT kind, name FROM objs o
      WHERE NOT (o.name = ANY($2))
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = o.classid AND d.objid = o.objid AND d.deptype IN ('e', 'i', 'a'))
      ORDER BY kind, name`,
    [schemas, ignored],
  );
  return { count: rows.length, examples: rows.slice(0, 10).map((row) => `${row.kind} ${row.name}`) };
}
