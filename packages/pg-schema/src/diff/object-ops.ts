import type { Catalog, TableInfo } from '../catalog/catalog.js';
import { ids, kindOf } from '../catalog/object-id.js';
import { commentSql, commentTargets } from '../render/comments.js';
import * as ddl from '../render/ddl.js';
import { RANK, statement, type PlannedStatement } from '../plan/statement.js';
import { depsOf, tableMemberIds, type DiffContext } from './context.js';
import { emitCreate as createById, emitDrop as dropById } from './diff-objects.js';

/**
 * CREATE and DROP of one object by id, for the kinds that are recreated whole (views, indexes,
 * constraints, triggers, policies, functions): used by their own diff and by the cascade that
 * recreates dependents of changed objects.
 */
export function emitCreate(ctx: DiffContext, id: string): void {
  if (kindOf(id) !== 'constraint') return createById(ctx, id);
  const d = ctx.desired;
  const push = (s: PlannedStatement) => ctx.statements.push(s);
  const requires = depsOf(d, id);
  const [table, constraint] = findConstraint(d, id);
  const rank = constraint.type === 'foreign' ? RANK.addForeignKey : RANK.addConstraint;
  const tableId = ids.table(table.schema, table.name);
  push(
    statement(ddl.addConstraintSql(table, constraint), rank, id, {
      creates: [id],
      requires: [...requires, tableId],
    }),
  );
  if (constraint.comment !== undefined) {
    push(commentOn(commentTargets.onTable('CONSTRAINT', constraint.name, tableId), constraint.comment, id));
  }
  if (constraint.indexComment !== undefined)
    push(commentOn(commentTargets.index(table.schema, constraint.name), constraint.indexComment, id));
}

export function emitDrop(ctx: DiffContext, id: string): void {
  if (kindOf(id) !== 'constraint') return dropById(ctx, id);
  const c = ctx.current;
  ctx.gone.add(id);
  if (ctx.implicitlyDropped.has(id)) return;
  const [table, constraint] = findConstraint(c, id);
  ctx.statements.push(
    statement(
      ddl.dropConstraintSql(table, constraint),
      constraint.type === 'foreign' ? RANK.dropForeignKey : RANK.dropConstraint,
      id,
      { drops: [id], releases: depsOf(c, id) },
    ),
  );
}

/** An object removed together with its parent: no statement, but its dependents still follow. */
export function markImplicit(ctx: DiffContext, id: string): void {
  ctx.implicitlyDropped.add(id);
  ctx.gone.add(id);
}

/** Ids of the objects, of any kind, that the DROP of a table or view takes along. */
export function droppedWith(ctx: DiffContext, relationId: string): string[] {
  const out: string[] = [];
  for (const kind of ctx.kinds) {
    if (!kind.dropsWith) continue;
    for (const [id, object] of Object.entries(kind.objects(ctx.current)))
      if (kind.dropsWith(object) === relationId) out.push(id);
  }
  return out;
}

/** Everything that goes when a table is dropped: members, indexes, triggers, policies, owned sequences. */
export function tableDropSet(catalog: Catalog, table: TableInfo): string[] {
  const tableId = ids.table(table.schema, table.name);
  const out = tableMemberIds(table);
  for (const [id, index] of Object.entries(catalog.indexes)) if (index.table === tableId) out.push(id);
  for (const [id, trigger] of Object.entries(catalog.triggers)) if (trigger.table === tableId) out.push(id);
  for (const [id, policy] of Object.entries(catalog.policies)) if (policy.table === tableId) out.push(id);
  for (const [id, sequence] of Object.entries(catalog.sequences))
    if (sequence.ownedBy?.table === tableId) out.push(id);
  return out;
}

type ConstraintEntry = [TableInfo, TableInfo['constraints'][string]];
const constraintIndexes = new WeakMap<Catalog, Map<string, ConstraintEntry>>();

export function findConstraint(catalog: Catalog, id: string): ConstraintEntry {
  let index = constraintIndexes.get(catalog);
  if (!index) {
    index = new Map();
    for (const table of Object.values(catalog.tables)) {
      for (const constraint of Object.values(table.constraints)) {
        index.set(ids.constraint(table.schema, table.name, constraint.name), [table, constraint]);
      }
    }
    constraintIndexes.set(catalog, index);
  }
  const entry = index.get(id);
  if (!entry) throw new Error(`pg-schema: no constraint ${id}`);
  return entry;
}

/** The CREATE of a new object: it needs what the desired catalog says it depends on. */
export function createStatement(ctx: DiffContext, id: string, sql: string, rank: number): PlannedStatement {
  return statement(sql, rank, id, { creates: [id], requires: depsOf(ctx.desired, id) });
}

/** The DROP of an object: what it depended on may go after it. */
export function dropStatement(ctx: DiffContext, id: string, sql: string, rank: number): PlannedStatement {
  return statement(sql, rank, id, { drops: [id], releases: depsOf(ctx.current, id) });
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
