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
