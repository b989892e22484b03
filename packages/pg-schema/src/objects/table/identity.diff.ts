import { sameJson, type DiffContext } from '../../diff/context.js';
import { relationNameKey } from '../../diff/relation-names.js';
import { RANK, statement, type PlannedStatement } from '../../plan/statement.js';
import { qualified, quoteIdent } from '../../render/sql-text.js';
import { sequenceAlterClauses } from '../sequence/sequence-options.js';
import type { ColumnInfo } from './column.model.js';
import { identityClause } from './column.sql.js';
import { identitySequence, keepSequencePosition } from './sequence-position.js';
import type { TableInfo } from './table.model.js';
import { tableName } from './table.sql.js';

/**
 * The statements of an identity change, split by where they go among the column's other changes:
 * `release` (DROP IDENTITY) before a default is set or NOT NULL dropped, `take` (ADD, options,
 * sequence rename) after a default is dropped and the type changed.
 */
export interface IdentitySteps {
  release: PlannedStatement[];
  take: PlannedStatement[];
}

/**
 * Identity columns: added (with NOT NULL first), dropped, or their sequence options changed in
 * place. The identity's sequence name is taken and released like any relation name, so a
 * serial's sequence of the same name is dropped first (serial -> identity) and the identity is
 * dropped before such a sequence is created (identity -> serial).
 */
export function alterIdentity(
  ctx: DiffContext,
  table: TableInfo,
  c: ColumnInfo,
  d: ColumnInfo,
  columnId: string,
): IdentitySteps {
  const steps: IdentitySteps = { release: [], take: [] };
  if (sameJson(c.identity, d.identity)) return steps;
  const name = tableName(table);
  const col = quoteIdent(d.name);
  const sequence = (sequenceName: string) => [relationNameKey({ schema: table.schema, name: sequenceName })];
  const step = (sql: string, key: string, names: { takesNames?: string[]; freesNames?: string[] } = {}) =>
    statement(sql, RANK.alterColumn, `${columnId}#identity${key}`, { creates: [columnId], ...names });
  if (!c.identity && d.identity) {
    const notNull = c.notNull ? '' : `ALTER COLUMN ${col} SET NOT NULL, `;
    steps.take.push(
      step(`ALTER TABLE ${name} ${notNull}ALTER COLUMN ${col} ADD ${identityClause(d, table)};`, '', {
        takesNames: sequence(d.identity.sequenceName),
      }),
    );
    const position = keepSequencePosition(table, d, identitySequence(table, d), d.identity, columnId);
    if (position) steps.take.push(position);
    if (!c.notNull)
      ctx.changes.push({
        action: 'alter',
        object: columnId,
        attribute: 'not null',
        before: false,
        after: true,
      });
  } else if (c.identity && !d.identity) {
    steps.release.push(
      step(`ALTER TABLE ${name} ALTER COLUMN ${col} DROP IDENTITY;`, '', {
        freesNames: sequence(c.identity.sequenceName),
      }),
    );
  } else if (c.identity && d.identity) {
    const clauses: string[] = [];
    if (c.identity.always !== d.identity.always)
      clauses.push(`SET GENERATED ${d.identity.always ? 'ALWAYS' : 'BY DEFAULT'}`);
    clauses.push(
      ...sequenceAlterClauses({ ...c.identity, type: d.type }, { ...d.identity, type: d.type }, 'SET '),
    );
    if (clauses.length > 0)
      steps.take.push(step(`ALTER TABLE ${name} ALTER COLUMN ${col} ${clauses.join(' ')};`, '1'));
    if (c.identity.sequenceName !== d.identity.sequenceName) {
      steps.take.push(
        step(
          `ALTER SEQUENCE ${qualified(table.schema, c.identity.sequenceName)} RENAME TO ${quoteIdent(d.identity.sequenceName)};`,
          '2',
          { freesNames: sequence(c.identity.sequenceName), takesNames: sequence(d.identity.sequenceName) },
        ),
      );
    }
  }
  ctx.changes.push({
    action: 'alter',
    object: columnId,
    attribute: 'identity',
    before: identityText(c),
    after: identityText(d),
  });
  return steps;
}

function identityText(column: ColumnInfo): string | undefined {
  if (!column.identity) return undefined;
  const i = column.identity;
  return `${i.always ? 'always' : 'by default'} start ${i.start} increment ${i.increment} min ${i.min} max ${i.max} cache ${i.cache}${i.cycle ? ' cycle' : ''} sequence ${i.sequenceName}`;
}
