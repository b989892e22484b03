import type { ColumnInfo, ConstraintInfo, TableInfo } from '../catalog/catalog.js';
import { splitTableId } from '../catalog/object-id.js';
import { sequenceOptionClauses } from '../objects/sequence/sequence-options.js';

export { splitTableId };
import { qualified, quoteIdent } from './sql-text.js';

/** SQL text of each object kind's CREATE and DROP, from catalog entries. */

export function tableName(table: { schema: string; name: string }): string {
  return qualified(table.schema, table.name);
}

export function columnDefinition(column: ColumnInfo, table: { schema: string; name: string }): string {
  const parts = [quoteIdent(column.name), column.type];
  if (column.collation) parts.push(`COLLATE ${column.collation}`);
  if (column.generated) parts.push(`GENERATED ALWAYS AS (${column.generated}) STORED`);
  if (column.identity) parts.push(identityClause(column, table));
  if (column.default !== undefined) parts.push(`DEFAULT ${column.default}`);
  if (column.notNull) parts.push('NOT NULL');
  return parts.join(' ');
}

export function identityClause(column: ColumnInfo, table: { schema: string; name: string }): string {
  const identity = column.identity!;
  const options = sequenceOptionClauses({ ...identity, type: column.type });
  if (identity.sequenceName !== `${table.name}_${column.name}_seq`) {
    options.unshift(`SEQUENCE NAME ${qualified(table.schema, identity.sequenceName)}`);
  }
  return `GENERATED ${identity.always ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${options.length ? ` (${options.join(' ')})` : ''}`;
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

export function addConstraintSql(table: TableInfo, constraint: ConstraintInfo): string {
  return `ALTER TABLE ${tableName(table)} ADD CONSTRAINT ${quoteIdent(constraint.name)} ${constraint.definition};`;
}

export function dropConstraintSql(table: TableInfo, constraint: ConstraintInfo): string {
  return `ALTER TABLE ${tableName(table)} DROP CONSTRAINT ${quoteIdent(constraint.name)};`;
}
