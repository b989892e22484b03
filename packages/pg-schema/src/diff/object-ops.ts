import { commentSql } from '../render/comments.js';
import { RANK, statement, type PlannedStatement } from '../plan/statement.js';
import { depsOf, type DiffContext } from './context.js';

/** Statement helpers the kinds share. */

/** The CREATE of a new object: it needs what the desired catalog says it depends on. */
export function createStatement(ctx: DiffContext, id: string, sql: string, rank: number): PlannedStatement {
  return statement(sql, rank, id, { creates: [id], requires: depsOf(ctx.desired, id) });
}

/** The DROP of an object: what it depended on may go after it. */
export function dropStatement(ctx: DiffContext, id: string, sql: string, rank: number): PlannedStatement {
  return statement(sql, rank, id, { drops: [id], releases: depsOf(ctx.current, id) });
}

/** An object removed together with its parent: no statement, but its dependents still follow. */
export function markImplicit(ctx: DiffContext, id: string): void {
  ctx.implicitlyDropped.add(id);
  ctx.gone.add(id);
}

/**
 * Ids of the objects, of any kind, that the DROP of a table or view takes along. An object the
 * models keep and that its kind changes in place (a serial's sequence whose OWNED BY moves to
 * another table) is not among them: its own change moves it off the relation before the drop.
 */
export function droppedWith(ctx: DiffContext, relationId: string): string[] {
  const out: string[] = [];
  for (const kind of ctx.kinds) {
    if (!kind.dropsWith) continue;
    const kept = kind.recreate ? undefined : kind.objects(ctx.desired);
    for (const [id, object] of Object.entries(kind.objects(ctx.current)))
      if (kind.dropsWith(object) === relationId && kept?.[id] === undefined) out.push(id);
  }
  return out;
}

export function commentOn(target: string, comment: string | undefined, objectId: string): PlannedStatement {
  return statement(commentSql(target, comment), RANK.comment, `${objectId}#comment:${target}`, {
    requires: [objectId],
  });
}

/** COMMENT ON for a kept object whose comment changed, recorded as an `alter` change. */
export function alterComment(
  ctx: DiffContext,
  target: string,
  objectId: string,
  before: string | undefined,
  after: string | undefined,
  attribute = 'comment',
): void {
  if (before === after) return;
  ctx.statements.push(commentOn(target, after, objectId));
  ctx.changes.push({ action: 'alter', object: objectId, attribute, before, after });
}
