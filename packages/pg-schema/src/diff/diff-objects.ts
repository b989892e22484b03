import { kindOf } from '../catalog/object-id.js';
import type { Catalog } from '../catalog/catalog.js';
import type { AnyObjectKind, KindDiff, ObjectKindModule } from '../objects/kind.js';
import { allKeys, type DiffContext } from './context.js';
import { markImplicit } from './object-ops.js';

/**
 * The loop every kind shares: create what is new, drop what is gone (unless it goes with its
 * parent), alter what is on both sides, in id order. `current` and `desired` are the kind's
 * objects (or a subset, e.g. one table's constraints).
 */
export function diffObjects<T>(
  ctx: DiffContext,
  kind: ObjectKindModule<T>,
  current: Record<string, T>,
  desired: Record<string, T>,
): void {
  const diff = kind.diff;
  if (!diff) return;
  if (diff.dropsFirst) {
    // Dropped first: what goes with them must not get statements of its own.
    for (const id of Object.keys(current)) if (!desired[id]) dropped(ctx, diff, id, current[id]);
  }
  for (const id of allKeys(current, desired)) {
    const c = current[id];
    const d = desired[id];
    if (!c) {
      diff.create(ctx, id, d);
      ctx.changes.push({ action: 'create', object: id });
    } else if (!d) {
      if (!diff.dropsFirst) dropped(ctx, diff, id, c);
    } else {
      diff.alter(ctx, id, c, d);
    }
  }
}

function dropped<T>(ctx: DiffContext, diff: CreateAndDrop<T>, id: string, object: T): void {
  ctx.changes.push({ action: 'drop', object: id });
  dropObject(ctx, diff, id, object);
}

/** A kind's create and drop (its module's functions, so a module can pass its own). */
export type CreateAndDrop<T> = Pick<KindDiff<T>, 'create' | 'drop'>;

/**
 * Marks the object gone and writes its drop, unless it goes with its parent: a parent dropped
 * already, or a relation the models no longer have (a materialized view's index, whatever kind
 * is diffed first).
 */
export function dropObject<T>(ctx: DiffContext, diff: CreateAndDrop<T>, id: string, object: T): void {
  ctx.gone.add(id);
  const relation = kindOfObject(ctx.kinds, ctx.current, id)?.dropsWith?.(object);
  if (
    relation !== undefined &&
    kindOfObject(ctx.kinds, ctx.current, relation) &&
    !kindOfObject(ctx.kinds, ctx.desired, relation)
  )
    markImplicit(ctx, id);
  if (ctx.implicitlyDropped.has(id)) return;
  diff.drop(ctx, id, object);
}

/**
 * Drops and creates an object again (its definition changed), recorded as one `alter` change.
 * `difference` says what changed, e.g. `{ attribute: 'definition', before, after }`.
 */
export function recreateObject<T>(
  ctx: DiffContext,
  diff: CreateAndDrop<T>,
  id: string,
  objects: { current: T; desired: T },
  difference: { attribute: string; before: unknown; after: unknown },
): void {
  dropObject(ctx, diff, id, objects.current);
  diff.create(ctx, id, objects.desired);
  ctx.replaced.add(id);
  ctx.changes.push({ action: 'alter', object: id, ...difference });
}

/** The kind module that holds `id` in the catalog (enums, domains and composites share `type:`). */
export function kindOfObject(
  kinds: readonly AnyObjectKind[],
  catalog: Catalog,
  id: string,
): AnyObjectKind | undefined {
  const prefix = kindOf(id);
  return kinds.find((kind) => kind.idKind === prefix && kind.objects(catalog)[id] !== undefined);
}
