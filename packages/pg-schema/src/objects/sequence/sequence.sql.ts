import { splitTableId } from '../../catalog/object-id.js';
import { qualified, quoteIdent } from '../../render/sql-text.js';
import type { SequenceInfo } from './sequence.model.js';
import { sequenceOptionClauses } from './sequence-options.js';

export function createSequenceSql(sequence: SequenceInfo): string {
  const options = sequenceOptionClauses(sequence);
  const as = sequence.type !== 'bigint' ? ` AS ${sequence.type}` : '';
  return `CREATE SEQUENCE ${qualified(sequence.schema, sequence.name)}${as}${options.length ? ` ${options.join(' ')}` : ''};`;
}

export const dropSequenceSql = (sequence: SequenceInfo) =>
  `DROP SEQUENCE ${qualified(sequence.schema, sequence.name)};`;

/** `clauses` from sequenceAlterClauses. */
export const alterSequenceSql = (sequence: SequenceInfo, clauses: string[]) =>
  `ALTER SEQUENCE ${qualified(sequence.schema, sequence.name)} ${clauses.join(' ')};`;

export function sequenceOwnedBySql(sequence: SequenceInfo): string {
  if (!sequence.ownedBy) return `ALTER SEQUENCE ${qualified(sequence.schema, sequence.name)} OWNED BY NONE;`;
  const [schema, table] = splitTableId(sequence.ownedBy.table);
  return `ALTER SEQUENCE ${qualified(sequence.schema, sequence.name)} OWNED BY ${qualified(schema, table)}.${quoteIdent(sequence.ownedBy.column)};`;
}

export const sequenceCommentTarget = (sequence: SequenceInfo) =>
  `SEQUENCE ${qualified(sequence.schema, sequence.name)}`;
