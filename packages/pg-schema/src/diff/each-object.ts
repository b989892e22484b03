import { RANK, statement } from '../plan/statement.js';
import { allKeys, depsOf, type DiffContext } from './context.js';
import { alterComment, commentOn } from './object-ops.js';

type RankName = keyof typeof RANK;

/** How to create, drop, comment and alter one kind of catalog object. */
export interface KindSpec<T extends { comment?: string }> {
  current: Record<string, T>;
  desired: Record<string, T>;
  createSql(object: T): string;
  dropSql(object: T): string;
  createRank: RankName;
  dropRank: RankName;
  commentTarget(object: T): string;
  /** In-place changes of an object that exists on both sides (the comment is handled here). */
  alter(id: string, current: T, desired: T): void;
  /** Extra statements after a create (a sequence's OWNED BY). */
  afterCreate?(id: string, desired: T): void;
}

/**
 * The loop every simple kind shares: create what is new (with its comment), drop what is gone
 * (unless it went with its parent), alter and re-comment what is on both sides.
 */
export function diffEachObject<T extends { comment?: string }>(ctx: DiffContext, spec: KindSpec<T>): void {
  for (const id of allKeys(spec.current, spec.desired)) {
    const c = spec.current[id];
    const d = spec.desired[id];
    if (!c) {
      ctx.statements.push(
        statement(spec.createSql(d), RANK[spec.createRank], id, {
          creates: [id],
          requires: depsOf(ctx.desired, id),
        }),
      );
      spec.afterCreate?.(id, d);
      if (d.comment !== undefined) ctx.statements.push(commentOn(spec.commentTarget(d), d.comment, id));
      ctx.changes.push({ action: 'create', object: id });
    } else if (!d) {
      ctx.changes.push({ action: 'drop', object: id });
      ctx.gone.add(id);
      if (!ctx.implicitlyDropped.has(id)) {
        ctx.statements.push(
          statement(spec.dropSql(c), RANK[spec.dropRank], id, {
            drops: [id],
            releases: depsOf(ctx.current, id),
          }),
        );
      }
    } else {
      spec.alter(id, c, d);
      alterComment(ctx, spec.commentTarget(d), id, c.comment, d.comment);
    }
  }
}
