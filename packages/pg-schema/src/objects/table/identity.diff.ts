import { sameJson, type DiffContext } from '../../diff/context.js';
import { RANK, statement } from '../../plan/statement.js';
import { qualified, quoteIdent } from '../../render/sql-text.js';
import { sequenceAlterClauses } from '../sequence/sequence-options.js';
import type { ColumnInfo } from './column.model.js';
import { identityClause } from './column.sql.js';
import type { TableInfo } from './table.model.js';
import { tableName } from './table.sql.js';

/** Identity columns: added (with NOT NULL first), dropped, or their sequence options changed in place. */
export function alterIdentity(
  ctx: DiffContext,
  table: TableInfo,
  c: ColumnInfo,
  d: ColumnInfo,
  columnId: string,
): void {
  if (sameJson(c.identity, d.identity)) return;
  const name = tableName(table);
  const col = quoteIdent(d.name);
  const push = (sql: string, key: string) =>
    ctx.statements.push(
      statement(sql, RANK.alterColumn, `${columnId}#identity${key}`, { creates: [columnId] }),
    );
  if (!c.identity) {
    const notNull = c.notNull ? '' : `ALTER COLUMN ${col} SET NOT NULL, `;
    push(`ALTER TABLE ${name} ${notNull}ALTER COLUMN ${col} ADD ${identityClause(d, table)};`, '');
    if (!c.notNull)
      ctx.changes.push({
        action: 'alter',
        object: columnId,
        attribute: 'not null',
        before: false,
        after: true,
      });
  } else if (!d.identity) {
    push(`ALTER TABLE ${name} ALTER COLUMN ${col} DROP IDENTITY;`, '');
  } else {
    const clauses: string[] = [];
    if (c.identity.always !== d.identity.always)
      clauses.push(`SET GENERATED ${d.identity.always ? 'ALWAYS' : 'BY DEFAULT'}`);
    clauses.push(
      ...sequenceAlterClauses({ ...c.identity, type: d.type }, { ...d.identity, type: d.type }, 'SET '),
    );
    if (clauses.length > 0) push(`ALTER TABLE ${name} ALTER COLUMN ${col} ${clauses.join(' ')};`, '1');
    if (c.identity.sequenceName !== d.identity.sequenceName) {
      push(
        `ALTER SEQUENCE ${qualified(table.schema, c.identity.sequenceName)} RENAME TO ${quoteIdent(d.identity.sequenceName)};`,
        '2',
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
}

function identityText(column: ColumnInfo): string | undefined {
  if (!column.identity) return undefined;
  const i = column.identity;
  return `${i.always ? 'always' : 'by default'} start ${i.start} increment ${i.increment} min ${i.min} max ${i.max} cache ${i.cache}${i.cycle ? ' cycle' : ''} sequence ${i.sequenceName}`;
}
