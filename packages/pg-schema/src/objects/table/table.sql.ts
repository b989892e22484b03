import { splitTableId } from '../../catalog/object-id.js';
import { qualified, quoteIdent } from '../../render/sql-text.js';
import { columnDefinition } from './column.sql.js';
import type { TableInfo } from './table.model.js';

export function tableName(table: { schema: string; name: string }): string {
  return qualified(table.schema, table.name);
}

/** CREATE TABLE with columns and the constraints that need no other table (foreign keys come later). */
export function createTableSql(table: TableInfo): string {
  const inline = Object.values(table.constraints).filter((c) => c.type !== 'foreign');
  const unlogged = table.unlogged ? 'UNLOGGED ' : '';
  if (table.partitionOf) {
    const [schema, name] = splitTableId(table.partitionOf.parent);
    const constraints = inline.map((c) => `    CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`);
    return (
      `CREATE ${unlogged}TABLE ${tableName(table)} PARTITION OF ${qualified(schema, name)}` +
      (constraints.length ? ` (\n${constraints.join(',\n')}\n)` : '') +
      ` ${table.partitionOf.bound}${table.partitionBy ? ` PARTITION BY ${table.partitionBy}` : ''};`
    );
  }
  const lines = [
    ...table.columns.map((column) => `    ${columnDefinition(column, table)}`),
    ...inline.map((c) => `    CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`),
  ];
  const body = lines.length ? `(\n${lines.join(',\n')}\n)` : '()';
  return `CREATE ${unlogged}TABLE ${tableName(table)} ${body}${table.partitionBy ? ` PARTITION BY ${table.partitionBy}` : ''};`;
}

export const dropTableSql = (table: TableInfo) => `DROP TABLE ${tableName(table)};`;

/** `action` is one ALTER TABLE action, e.g. `ENABLE ROW LEVEL SECURITY`, `SET UNLOGGED`. */
export const alterTableSql = (table: TableInfo, action: string) =>
  `ALTER TABLE ${tableName(table)} ${action};`;

export const tableCommentTarget = (table: TableInfo) => `TABLE ${qualified(table.schema, table.name)}`;
