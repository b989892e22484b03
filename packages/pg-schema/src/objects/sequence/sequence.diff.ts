import { sameJson, type DiffContext } from '../../diff/context.js';
import { alterComment, commentOn, createStatement, dropStatement } from '../../diff/object-ops.js';
import { RANK, statement } from '../../plan/statement.js';
import type { SequenceInfo } from './sequence.model.js';
import { sequenceAlterClauses } from './sequence-options.js';
import {
  alterSequenceSql,
  createSequenceSql,
  dropSequenceSql,
  sequenceCommentTarget,
  sequenceOwnedBySql,
} from './sequence.sql.js';

/** A new sequence; OWNED BY is its own statement after the table. */
export function createSequence(ctx: DiffContext, id: string, sequence: SequenceInfo): void {
  ctx.statements.push(createStatement(ctx, id, createSequenceSql(sequence), RANK.createSequence));
  if (sequence.ownedBy) ownedBy(ctx, id);
  if (sequence.comment !== undefined)
    ctx.statements.push(commentOn(sequenceCommentTarget(sequence), sequence.comment, id));
}

export function dropSequence(ctx: DiffContext, id: string, sequence: SequenceInfo): void {
  ctx.statements.push(dropStatement(ctx, id, dropSequenceSql(sequence), RANK.dropSequence));
}

/** Options change in place, and so does OWNED BY. */
export function alterSequence(ctx: DiffContext, id: string, c: SequenceInfo, d: SequenceInfo): void {
  const clauses = sequenceAlterClauses(c, d);
  if (clauses.length > 0) {
    ctx.statements.push(statement(alterSequenceSql(d, clauses), RANK.createSequence, id, { creates: [id] }));
    ctx.changes.push({
      action: 'alter',
      object: id,
      attribute: 'options',
      // The same clauses with the values before: `INCREMENT BY 1 -> INCREMENT BY 10`.
      before: sequenceAlterClauses(d, c).join(' '),
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
  alterComment(ctx, sequenceCommentTarget(d), id, c.comment, d.comment);
}

function ownedBy(ctx: DiffContext, id: string): void {
  const d = ctx.desired.sequences[id];
  const c = ctx.current.sequences[id];
  const column = d.ownedBy ? [ownerColumnId(d.ownedBy), d.ownedBy.table] : [];
  let releases = c?.ownedBy ? [ownerColumnId(c.ownedBy)] : [];
  // Moving off a column that is dropped: release it first (OWNED BY NONE before the drop), own
  // the new column once it exists. In one statement the drop would wait for the new owner, whose
  // table may itself wait for the drop (a primary key name it reuses).
  if (d.ownedBy && c?.ownedBy && ctx.gone.has(releases[0])) {
    ctx.statements.push(
      statement(sequenceOwnedBySql({ ...d, ownedBy: undefined }), RANK.sequenceOwnedBy, `${id}#owned0`, {
        creates: [id],
        requires: [id],
        releases,
      }),
    );
    releases = [];
  }
  ctx.statements.push(
    statement(sequenceOwnedBySql(d), RANK.sequenceOwnedBy, `${id}#owned`, {
      requires: [id, ...column],
      releases,
    }),
  );
}

function ownerColumnId(owner: { table: string; column: string }): string {
  return `column:${owner.table.slice('table:'.length)}.${owner.column}`;
}

function ownerText(owner: { table: string; column: string } | undefined): string | undefined {
  return owner ? `${owner.table.slice('table:'.length)}.${owner.column}` : undefined;
}
