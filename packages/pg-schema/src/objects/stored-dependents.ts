import { describeId } from '../catalog/object-id.js';
import type { DiffContext } from '../diff/context.js';
import { kindOfObject } from '../diff/diff-objects.js';

/**
 * The dependents of `id` that stop it from being dropped and created again: objects of the
 * current catalog that the desired catalog keeps and that the cascade cannot recreate (a column
 * holds rows, a domain or range type holds columns). `handled` leaves out the ones the caller
 * converts itself. Objects the desired catalog drops go before `id` anyway.
 */
export function unrecreatableDependents(
  ctx: DiffContext,
  id: string,
  handled: (dependent: string) => boolean = () => false,
): string[] {
  const out: string[] = [];
  for (const [dependent, refs] of Object.entries(ctx.current.dependencies)) {
    if (!refs.includes(id) || handled(dependent)) continue;
    const kind = kindOfObject(ctx.kinds, ctx.current, dependent);
    if (!kind || kind.recreate) continue;
    if (kind.objects(ctx.desired)[dependent] === undefined) continue;
    out.push(dependent);
  }
  return out.sort();
}

/** `column public.t.c, type public.d` for messages. */
export function describeIds(list: string[]): string {
  return list.map(describeId).join(', ');
}
