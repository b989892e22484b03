import { qualified, quoteIdent } from '../../render/sql-text.js';
import type { CompositeInfo } from './composite.model.js';

export function createCompositeSql(type: CompositeInfo): string {
  const attributes = type.attributes.map(
    (a) => `    ${quoteIdent(a.name)} ${a.type}${a.collation ? ` COLLATE ${a.collation}` : ''}`,
  );
  return `CREATE TYPE ${qualified(type.schema, type.name)} AS (\n${attributes.join(',\n')}\n);`;
}

/** `actions` are ADD / DROP / ALTER ATTRIBUTE clauses. */
export function alterCompositeSql(type: CompositeInfo, actions: string[]): string {
  return `ALTER TYPE ${qualified(type.schema, type.name)} ${actions.join(', ')};`;
}
