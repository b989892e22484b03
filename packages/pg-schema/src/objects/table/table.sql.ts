import { splitTableId } from '../../catalog/object-id.js';
import { qualified, quoteIdent } from '../../render/sql-text.js';
import { columnDefinition } from './column.sql.js';
import { withClause } from './storage-options.js';
import type { TableInfo } from './table.model.js';

export function tableName(table: { schema: string; name: string }): string {
  return qualified(table.schema, table.name);
}

const tableIdName = (id: string) => {
  const [schema, name] = splitTableId(id);
  return qualified(schema, name);
};

/**
 * CREATE TABLE with columns and the constraints that need no other table (foreign keys come
 * later). A partition and an inheritance child get their parents' columns from Postgres: only
 * the columns they declare themselves are written (a partition declares none).
 */
export function createTableSql(table: TableInfo): string {
  // A CHECK the child declares as its parent does (merged) is written too.
  const merged = Object.values(table.inherited?.constraints ?? {}).filter((c) => c.merged);
  const inline = [
    ...Object.values(table.constraints),
    ...merged.map(({ merged: _merged, ...own }) => own),
  ].filter((c) => c.type !== 'foreign');
  const unlogged = table.unlogged ? 'UNLOGGED ' : '';
  const partitionBy = table.partitionBy ? ` PARTITION BY ${table.partitionBy}` : '';
  const options = withClause(table.options);
  if (table.partitionOf) {
    const constraints = inline.map((c) => `    CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`);
    return (
      `CREATE ${unlogged}TABLE ${tableName(table)} PARTITION OF ${tableIdName(table.partitionOf.parent)}` +
      (constraints.length ? ` (\n${constraints.join(',\n')}\n)` : '') +
      ` ${table.partitionOf.bound}${partitionBy}${options};`
    );
  }
  const lines = [
    ...table.columns
      .filter((column) => column.inherited !== 'only' || !table.inherits?.length)
      .map((column) => `    ${columnDefinition(column, table)}`),
    ...inline.map((c) => `    CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`),
  ];
  const body = lines.length ? `(\n${lines.join(',\n')}\n)` : '()';
  const inherits = table.inherits?.length ? ` INHERITS (${table.inherits.map(tableIdName).join(', ')})` : '';
  return `CREATE ${unlogged}TABLE ${tableName(table)} ${body}${inherits}${partitionBy}${options};`;
}

export const dropTableSql = (table: TableInfo) => `DROP TABLE ${tableName(table)};`;

/** `action` is one ALTER TABLE action, e.g. `ENABLE ROW LEVEL SECURITY`, `SET UNLOGGED`. */
export const alterTableSql = (table: TableInfo, action: string) =>
  `ALTER TABLE ${tableName(table)} ${action};`;

export const tableCommentTarget = (table: TableInfo) => `TABLE ${qualified(table.schema, table.name)}`;
