import { RANK, statement, type PlannedStatement } from '../../plan/statement.js';
import { quoteIdent, quoteLiteral } from '../../render/sql-text.js';
import type { SequenceOptions } from '../sequence/sequence.model.js';
import type { ColumnInfo } from './column.model.js';
import type { TableInfo } from './table.model.js';
import { tableName } from './table.sql.js';

const INTEGER_TYPES = new Set(['smallint', 'integer', 'bigint']);

/**
 * A kept column whose values start coming from a new sequence (serial -> identity, identity ->
 * serial, an identity added to a filled key column): the new sequence starts at its START while
 * the rows hold values already, so the next insert would collide. This moves the sequence past
 * the values the rows hold (max for ascending, min for descending sequences), and does nothing
 * on an empty table or when the values are still before START. `sequence` is an SQL expression
 * naming the sequence (a regclass text, or pg_get_serial_sequence for an identity).
 */
export function keepSequencePosition(
  table: TableInfo,
  column: ColumnInfo,
  sequence: string,
  options: Pick<SequenceOptions, 'start' | 'increment'>,
  columnId: string,
): PlannedStatement | undefined {
  if (!INTEGER_TYPES.has(column.type)) return undefined;
  const col = quoteIdent(column.name);
  const descending = options.increment.startsWith('-');
  const edge = `${descending ? 'min' : 'max'}(${col})`;
  const sql =
    `SELECT setval(${sequence}, ${edge}) FROM ${tableName(table)} ` +
    `HAVING ${edge} ${descending ? '<=' : '>='} ${options.start};`;
  return statement(sql, RANK.alterColumn, `${columnId}#position`, { creates: [columnId] });
}

/** The sequence of an identity column, as keepSequencePosition takes it. */
export function identitySequence(table: TableInfo, column: ColumnInfo): string {
  // The column name is taken literally (case kept, no quoting); the table name is parsed as SQL.
  return `pg_get_serial_sequence(${quoteLiteral(tableName(table))}, ${quoteLiteral(column.name)})`;
}

/** `nextval('public.t_id_seq'::regclass)` -> `public.t_id_seq`, or undefined for any other default. */
export function nextvalSequence(defaultExpression: string | undefined): string | undefined {
  return /^nextval\('((?:[^']|'')+)'::regclass\)$/.exec(defaultExpression ?? '')?.[1].replace(/''/g, "'");
}
