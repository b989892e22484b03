import type { ClientBase } from 'pg';

export interface SchemaCounts {
  schema: string;
  exists: boolean;
  tables: number;
  views: number;
  materializedViews: number;
  sequences: number;
  functions: number;
  types: number;
  extensions: number;
}

export const COUNT_KEYS = [
  'tables',
  'views',
  'materializedViews',
  'sequences',
  'functions',
  'types',
  'extensions',
] as const;

const NOT_EXTENSION_MEMBER = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '${catalog}'::regclass AND e.objid = ${oid} AND e.deptype = 'e')`;

/**
 * What each schema holds, by kind (types: enums, domains, composites, ranges; not row types).
 * Objects of an extension count as the extension, not one by one.
 */
export async function schemaInventory(client: ClientBase, schemas: string[]): Promise<SchemaCounts[]> {
  const { rows } = await client.query<{
    schema: string;
    exists: boolean;
    tables: number;
    views: number;
    materialized_views: number;
    sequences: number;
    functions: number;
    types: number;
    extensions: number;
  }>(
    `SELECT s.name AS schema, n.oid IS NOT NULL AS exists,
            (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'f') AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')})::int AS tables,
            (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind = 'v' AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')})::int AS views,
            (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind = 'm')::int AS materialized_views,
            (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind = 'S' AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')})::int AS sequences,
            (SELECT count(*) FROM pg_proc p WHERE p.pronamespace = n.oid AND ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')})::int AS functions,
            (SELECT count(*) FROM pg_type t WHERE t.typnamespace = n.oid AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}
                AND (t.typtype IN ('e', 'd', 'r', 'm') OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')))::int AS types,
            (SELECT count(*) FROM pg_extension x WHERE x.extnamespace = n.oid)::int AS extensions
       FROM unnest($1::text[]) WITH ORDINALITY AS s(name, position)
       LEFT JOIN pg_namespace n ON n.nspname = s.name
      ORDER BY s.position`,
    [schemas],
  );
  return rows.map((row) => ({
    schema: row.schema,
    exists: row.exists,
    tables: row.tables,
    views: row.views,
    materializedViews: row.materialized_views,
    sequences: row.sequences,
    functions: row.functions,
    types: row.types,
    extensions: row.extensions,
  }));
}

export function totalObjects(counts: SchemaCounts[]): number {
  return counts.reduce((sum, c) => sum + COUNT_KEYS.reduce((s, key) => s + c[key], 0), 0);
}

/** `public: 5 tables, 1 view, 2 sequences, 1 function, 2 types` (kinds with zero left out). */
export function describeCounts(counts: SchemaCounts[]): string[] {
  const names: Record<(typeof COUNT_KEYS)[number], string> = {
    tables: 'table(s)',
    views: 'view(s)',
    materializedViews: 'materialized view(s)',
    sequences: 'sequence(s)',
    functions: 'function(s)',
    types: 'type(s)',
    extensions: 'extension(s)',
  };
  return counts.map((c) => {
    if (!c.exists) return `${c.schema}: (schema does not exist)`;
    const parts = COUNT_KEYS.filter((key) => c[key] > 0).map((key) => `${c[key]} ${names[key]}`);
    return `${c.schema}: ${parts.length ? parts.join(', ') : 'empty'}`;
  });
}

export interface SchemaObject {
  schema: string;
  /** `table`, `view`, `materialized view`, `sequence`, `function`, `procedure`, `type`, `domain`, `extension`, ... */
  kind: string;
  /** Qualified and, for routines, with their argument types: `public.f(integer)`. */
  name: string;
}

/**
 * Every object schemaInventory counts, by name: what a clean would drop (extension members are
 * the extension's, not listed). Ordered by schema, then kind as counted, then name.
 */
export async function schemaObjects(client: ClientBase, schemas: string[]): Promise<SchemaObject[]> {
  const { rows } = await client.query<SchemaObject>(
    `SELECT schema, kind, name FROM (
       SELECT n.nspname AS schema, CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' ELSE 'table' END AS kind,
              format('%I.%I', n.nspname, c.relname) AS name,
              CASE c.relkind WHEN 'v' THEN 2 WHEN 'm' THEN 3 WHEN 'S' THEN 4 ELSE 1 END AS o
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')
          AND (c.relkind = 'm' OR ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')})
       UNION ALL
       SELECT n.nspname, CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
              format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)), 5
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = ANY($1) AND ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')}
       UNION ALL
       SELECT n.nspname, CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type'
                WHEN 'm' THEN 'multirange type' ELSE 'composite type' END,
              format('%I.%I', n.nspname, t.typname), 6
         FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = ANY($1) AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}
          AND (t.typtype IN ('e', 'd', 'r', 'm') OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
       UNION ALL
       SELECT n.nspname, 'extension', x.extname, 7
         FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
        WHERE n.nspname = ANY($1)
     ) objects
     ORDER BY array_position($1::text[], schema::text), o, name`,
    [schemas],
  );
  return rows;
}
