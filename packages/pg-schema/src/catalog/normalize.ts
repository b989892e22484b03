import { parseSync } from 'libpg-query';
import type { Catalog } from './catalog.js';

/**
 * A version-independent key for a view's query. PG16+ prints columns of a single-relation query
 * level without the relation name (`SELECT id FROM t` where PG15 prints `SELECT t.id FROM t`), so
 * both are parsed and qualifiers that name the only relation of their level are removed, along
 * with token locations. Needs the SQL parser loaded (loadSqlParser).
 */
export function normalizeQuery(sql: string): string {
  try {
    const tree = parseSync(sql) as unknown;
    return JSON.stringify(strip(tree, undefined));
  } catch {
    return sql;
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function strip(node: unknown, onlyRelation: string | undefined): Json {
  if (Array.isArray(node)) return node.map((item) => strip(item, onlyRelation));
  if (node === null || typeof node !== 'object') return node as Json;
  const record = node as Record<string, unknown>;
  if ('SelectStmt' in record) {
    return { SelectStmt: strip(record.SelectStmt, singleRelationName(record.SelectStmt)) };
  }
  if ('ColumnRef' in record) {
    const fields = (record.ColumnRef as { fields?: unknown[] }).fields ?? [];
    const qualifier = (fields[0] as { String?: { sval?: string } } | undefined)?.String?.sval;
    const kept =
      fields.length === 2 && onlyRelation !== undefined && qualifier === onlyRelation
        ? fields.slice(1)
        : fields;
    return { ColumnRef: { fields: strip(kept, onlyRelation) } };
  }
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(record).sort()) {
    if (key === 'location' || key === 'stmt_location' || key === 'stmt_len') continue;
    out[key] = strip(record[key], onlyRelation);
  }
  return out;
}

function singleRelationName(select: unknown): string | undefined {
  const from = (select as { fromClause?: unknown[] }).fromClause;
  if (!from || from.length !== 1) return undefined;
  const rangeVar = (from[0] as { RangeVar?: { relname?: string; alias?: { aliasname?: string } } }).RangeVar;
  return rangeVar ? (rangeVar.alias?.aliasname ?? rangeVar.relname) : undefined;
}

/**
 * A copy of a catalog in which texts that print differently across Postgres versions are keys.
 * Columns are compared by name, not position: ADD COLUMN appends, so a down section cannot put a
 * dropped column back in its place (and a column added mid-table in the models lands last).
 */
export function comparableCatalog(catalog: Catalog): Catalog {
  const copy = structuredClone(catalog);
  for (const view of Object.values(copy.views)) view.definition = normalizeQuery(view.definition);
  for (const table of Object.values(copy.tables))
    table.columns.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return copy;
}
