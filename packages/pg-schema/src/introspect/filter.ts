/**
 * SQL fragments shared by the catalog queries. Every query takes the same two parameters:
 * $1 the schemas to read (NULL: every non-system schema), $2 tables to leave out (`schema.name`,
 * e.g. the migrations table).
 */
export const SYSTEM_SCHEMA = `('pg_catalog', 'information_schema', 'pg_toast')`;

export function inSchemas(nspname: string): string {
  return (
    `(${nspname} NOT IN ${SYSTEM_SCHEMA} AND ${nspname} NOT LIKE 'pg\\_temp\\_%' AND ${nspname} NOT LIKE 'pg\\_toast\\_temp\\_%' ` +
    `AND ($1::text[] IS NULL OR ${nspname} = ANY($1::text[])))`
  );
}

/** Leaves out objects that belong to an extension (deptype 'e'). */
export function notExtensionMember(catalog: string, oid: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_depend ext WHERE ext.classid = '${catalog}'::regclass AND ext.objid = ${oid} AND ext.deptype = 'e')`;
}

/** Leaves out ignored tables (by `schema.name`). */
export function notIgnored(nspname: string, relname: string): string {
  return `NOT ((${nspname} || '.' || ${relname}) = ANY($2::text[]))`;
}

export interface QueryParams {
  schemas: string[] | null;
  ignoreTables: string[];
  /** false: privileges are not managed (not read). */
  privileges?: boolean;
}

export function params(filter: QueryParams): [string[] | null, string[]] {
  return [filter.schemas, filter.ignoreTables];
}
