import { qualified, quoteIdent } from '../../render/sql-text.js';
import { sequenceOptionClauses } from '../sequence/sequence-options.js';
import type { ColumnInfo } from './column.model.js';

/** A column as CREATE TABLE and ADD COLUMN write it. */
export function columnDefinition(column: ColumnInfo, table: { schema: string; name: string }): string {
  const parts = [quoteIdent(column.name), column.type];
  if (column.collation) parts.push(`COLLATE ${column.collation}`);
  if (column.generated) parts.push(generatedClause(column));
  if (column.identity) parts.push(identityClause(column, table));
  if (column.default !== undefined) parts.push(`DEFAULT ${column.default}`);
  if (column.notNull) parts.push('NOT NULL');
  return parts.join(' ');
}

/** `GENERATED ... AS IDENTITY (...)` of an identity column, naming its sequence when not the default. */
export function identityClause(column: ColumnInfo, table: { schema: string; name: string }): string {
  const identity = column.identity!;
  const options = sequenceOptionClauses({ ...identity, type: column.type });
  if (identity.sequenceName !== `${table.name}_${column.name}_seq`) {
    options.unshift(`SEQUENCE NAME ${qualified(table.schema, identity.sequenceName)}`);
  }
  return `GENERATED ${identity.always ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${options.length ? ` (${options.join(' ')})` : ''}`;
}

/** `GENERATED ALWAYS AS (expr) STORED` or `... VIRTUAL` (PG18+) of a generated column. */
export function generatedClause(column: ColumnInfo): string {
  return `GENERATED ALWAYS AS (${column.generated}) ${column.generatedKind === 'virtual' ? 'VIRTUAL' : 'STORED'}`;
}
