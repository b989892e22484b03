import { qualified } from '../../render/sql-text.js';
import type { AggregateInfo } from './aggregate.model.js';

/** `public.total(integer)`; an aggregate of no arguments is written `(*)`. */
export function aggregateSignature(aggregate: AggregateInfo, args = aggregate.identityArguments): string {
  return `${qualified(aggregate.schema, aggregate.name)}(${args === '' ? '*' : args})`;
}

export function createAggregateSql(aggregate: AggregateInfo, orReplace = false): string {
  const options = aggregate.options.map((option) => `    ${option}`).join(',\n');
  return `CREATE ${orReplace ? 'OR REPLACE ' : ''}AGGREGATE ${aggregateSignature(aggregate, aggregate.arguments)} (\n${options}\n);`;
}

export const dropAggregateSql = (aggregate: AggregateInfo) =>
  `DROP AGGREGATE ${aggregateSignature(aggregate)};`;

export const aggregateCommentTarget = (aggregate: AggregateInfo) =>
  `AGGREGATE ${aggregateSignature(aggregate)}`;
