import { parseSync, type SelectStmt } from 'libpg-query';
import { isNode, stringValue } from '../parse-tree.js';

/**
 * A version-independent key for a view's query. PG16+ prints columns of a single-relation query
 * level without the relation name (`SELECT id FROM t` where PG15 prints `SELECT t.id FROM t`), so
 * both are parsed and qualifiers that name the only relation of their level are removed, along
 * with token locations. Needs the SQL parser loaded (loadSqlParser).
 */
export function normalizeQuery(sql: string): string {
  try {
    return JSON.stringify(strip(parseSync(sql), undefined));
  } catch {
    return sql;
  }
}

/** A copy of a parse tree (any part of it) with sorted keys, no locations, no redundant qualifiers. */
function strip(value: unknown, onlyRelation: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => strip(item, onlyRelation));
  if (value === null || typeof value !== 'object') return value;
  if (isNode(value, 'SelectStmt')) {
    return { SelectStmt: strip(value.SelectStmt, singleRelationName(value.SelectStmt)) };
  }
  if (isNode(value, 'ColumnRef')) {
    const fields = value.ColumnRef.fields ?? [];
    const kept =
      fields.length === 2 && onlyRelation !== undefined && stringValue(fields[0]) === onlyRelation
        ? fields.slice(1)
        : fields;
    return { ColumnRef: { fields: strip(kept, onlyRelation) } };
  }
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (key === 'location' || key === 'stmt_location' || key === 'stmt_len') continue;
    out[key] = strip(child, onlyRelation);
  }
  return out;
}

function singleRelationName(select: SelectStmt): string | undefined {
  const from = select.fromClause;
  if (!from || from.length !== 1 || !('RangeVar' in from[0])) return undefined;
  const rangeVar = from[0].RangeVar;
  return rangeVar.alias?.aliasname ?? rangeVar.relname;
}
