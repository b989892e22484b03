import { describeId } from '../catalog/object-id.js';
import type { DiffContext } from './context.js';
import { dropObject, kindOfObject } from './diff-objects.js';

/**
 * Recreates unchanged objects whose dependencies are dropped, recreated or retyped: a view on a
 * column whose type changes, a trigger on a function whose signature changes, a check calling a
 * replaced function. Which kinds are recreated, and which block a retype, their modules say
 * (`recreate`); a dependent that is not recreated may react on its own (`dependencyGone`: a
 * column default using a dropped sequence or function is dropped and set again).
 */
export function cascade(ctx: DiffContext): void {
  const dependents = new Map<string, string[]>();
  for (const [id, refs] of Object.entries(ctx.current.dependencies)) {
    for (const ref of refs) {
      const list = dependents.get(ref);
      if (list) list.push(id);
      else dependents.set(ref, [id]);
    }
  }
  const queue: Array<{ id: string; retyped: boolean }> = [
    ...[...ctx.gone].map((id) => ({ id, retyped: false })),
    ...[...ctx.retypedColumns.keys()].map((id) => ({ id, retyped: true })),
  ];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { id: cause, retyped } = queue.shift()!;
    const key = `${cause}|${retyped}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const dependent of dependents.get(cause) ?? []) {
      const kind = kindOfObject(ctx.kinds, ctx.current, dependent);
      const recreate = kind?.recreate;
      // Whoever drops a view or policy on a retyped column, that drop must come first.
      if (retyped && recreate?.blocksRetype) ctx.retypedColumns.get(cause)?.afterDropOf.push(dependent);
      if (ctx.gone.has(dependent) && !ctx.implicitlyDropped.has(dependent)) continue;
      if (ctx.replaced.has(dependent)) continue;
      if (kind?.dependencyGone && !retyped) {
        kind.dependencyGone(ctx, dependent, cause);
        continue;
      }
      if (!kind?.diff || !recreate) continue;
      const desired = kind.objects(ctx.desired)[dependent];
      if (desired === undefined) continue;
      if (retyped && !recreate.blocksRetype) continue;
      // Gone with its parent (a materialized view's index): only the create is missing.
      if (!ctx.implicitlyDropped.has(dependent))
        dropObject(ctx, kind.diff, dependent, kind.objects(ctx.current)[dependent]);
      kind.diff.create(ctx, dependent, desired);
      ctx.replaced.add(dependent);
      ctx.gone.add(dependent);
      ctx.changes.push({
        action: 'alter',
        object: dependent,
        reason: `recreated: ${describeId(cause)} changes`,
      });
      queue.push({ id: dependent, retyped: false });
    }
  }
}
