import type {
  ColumnInfo,
  ConstraintInfo,
  FunctionInfo,
  IndexInfo,
  PolicyInfo,
  TableInfo,
  TriggerInfo,
  ViewInfo,
} from '../catalog/catalog.js';
import { splitTableId } from '../catalog/object-id.js';
import { sequenceOptionClauses } from '../objects/sequence/sequence-options.js';

export { splitTableId };
import { qualified, quoteIdent, terminated } from './sql-text.js';

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

/**
 * pg_get_indexdef prints `ON ONLY` for an index of a partitioned table (pg_dump attaches the
 * partitions' indexes itself): without ONLY, Postgres builds it on every partition too.
 */
export function createIndexSql(index: IndexInfo): string {
  const name = ` INDEX ${quoteIdent(index.name)} ON `;
  return terminated(index.definition.replace(`${name}ONLY `, name));
}

export const dropIndexSql = (index: IndexInfo) => `DROP INDEX ${qualified(index.schema, index.name)};`;

export function createViewSql(view: ViewInfo): string {
  const name = qualified(view.schema, view.name);
  if (view.materialized) {
    const options = view.options.length ? ` WITH (${view.options.join(', ')})` : '';
    return `CREATE MATERIALIZED VIEW ${name}${options} AS\n${view.definition}\nWITH DATA;`;
  }
  const options = view.options.length ? ` WITH (${view.options.join(', ')})` : '';
  return `CREATE VIEW ${name}${options} AS\n${view.definition};`;
}

export function dropViewSql(view: ViewInfo): string {
  return `DROP ${view.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${qualified(view.schema, view.name)};`;
}

export function createFunctionSql(fn: FunctionInfo): string {
  return terminated(fn.definition);
}

export function functionSignature(fn: FunctionInfo): string {
  return `${qualified(fn.schema, fn.name)}(${fn.identityArguments})`;
}

export function dropFunctionSql(fn: FunctionInfo): string {
  return `DROP ${fn.kind === 'p' ? 'PROCEDURE' : 'FUNCTION'} ${functionSignature(fn)};`;
}

export function createTriggerSql(trigger: TriggerInfo): string {
  return terminated(trigger.definition);
}

export function dropTriggerSql(trigger: TriggerInfo): string {
  const [schema, table] = splitTableId(trigger.table);
  return `DROP TRIGGER ${quoteIdent(trigger.name)} ON ${qualified(schema, table)};`;
}

export function triggerEnabledSql(trigger: TriggerInfo): string | undefined {
  const [schema, table] = splitTableId(trigger.table);
  const action =
    { D: 'DISABLE', R: 'ENABLE REPLICA', A: 'ENABLE ALWAYS', O: 'ENABLE' }[trigger.enabled] ?? 'ENABLE';
  return `ALTER TABLE ${qualified(schema, table)} ${action} TRIGGER ${quoteIdent(trigger.name)};`;
}

export function createPolicySql(policy: PolicyInfo): string {
  const [schema, table] = splitTableId(policy.table);
  const parts = [`CREATE POLICY ${quoteIdent(policy.name)} ON ${qualified(schema, table)}`];
  if (!policy.permissive) parts.push('AS RESTRICTIVE');
  if (policy.command !== 'ALL') parts.push(`FOR ${policy.command}`);
  if (!(policy.roles.length === 1 && policy.roles[0] === 'public'))
    parts.push(`TO ${policy.roles.join(', ')}`);
  if (policy.using !== undefined) parts.push(`USING (${policy.using})`);
  if (policy.withCheck !== undefined) parts.push(`WITH CHECK (${policy.withCheck})`);
  return `${parts.join(' ')};`;
}

export function dropPolicySql(policy: PolicyInfo): string {
  const [schema, table] = splitTableId(policy.table);
  return `DROP POLICY ${quoteIdent(policy.name)} ON ${qualified(schema, table)};`;
}
