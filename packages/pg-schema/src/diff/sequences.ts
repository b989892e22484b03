import { commentTargets } from '../render/comments.js';
import * as ddl from '../render/ddl.js';
import { sequenceAlterClauses } from '../render/sequence-options.js';
import { qualified } from '../render/sql-text.js';
import { RANK, statement } from '../plan/statement.js';
import type { SequenceInfo } from '../catalog/catalog.js';
import { sameJson, type DiffContext } from './context.js';
import { diffEachObject } from './each-object.js';

/** Standalone sequences: options change in place; OWNED BY is its own statement after the table. */
export function diffSequences(ctx: DiffContext): void {
  diffEachObject(ctx, {
    current: ctx.current.sequences,
    desired: ctx.desired.sequences,
    createSql: ddl.createSequenceSql,
    dropSql: ddl.dropSequenceSql,
    createRank: 'createSequence',
    dropRank: 'dropSequence',
    commentTarget: (sequence) => commentTargets.sequence(sequence.schema, sequence.name),
    afterCreate: (id, sequence) => sequence.ownedBy && ownedBy(ctx, id),
    alter: (id, c, d) => alterSequence(ctx, id, c, d),
  });
}

function alterSequence(ctx: DiffContext, id: string, c: SequenceInfo, d: SequenceInfo): void {
  const clauses = sequenceAlterClauses(c, d);
  if (clauses.length > 0) {
    ctx.statements.push(
      statement(
        `ALTER SEQUENCE ${qualified(d.schema, d.name)} ${clauses.join(' ')};`,
        RANK.createSequence,
        id,
        { creates: [id] },
      ),
    );
    ctx.changes.push({
      action: 'alter',
      object: id,
      attribute: 'options',
      before: clauses.length,
      after: clauses.join(' '),
    });
  }
  if (!sameJson(c.ownedBy, d.ownedBy)) {
    ownedBy(ctx, id);
    ctx.changes.push({
      action: 'alter',
      object: id,
      attribute: 'owned by',
      before: ownerText(c.ownedBy),
      after: ownerText(d.ownedBy),
    });
  }
}

function ownedBy(ctx: DiffContext, id: string): void {
  const d = ctx.desired.sequences[id];
  const c = ctx.current.sequences[id];
  const column = d.ownedBy
    ? [`column:${d.ownedBy.table.slice('table:'.length)}.${d.ownedBy.column}`, d.ownedBy.table]
    : [];
  const releases = c?.ownedBy ? [`column:${c.ownedBy.table.slice('table:'.length)}.${c.ownedBy.column}`] : [];
  ctx.statements.push(
    statement(ddl.sequenceOwnedBySql(d), RANK.sequenceOwnedBy, `${id}#owned`, {
      requires: [id, ...column],
      releases,
    }),
  );
}

function ownerText(owner: { table: string; column: string } | undefined): string | undefined {
  return owner ? `${owner.table.slice('table:'.length)}.${owner.column}` : undefined;
}
