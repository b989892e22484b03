import type { Catalog, TableInfo } from '../catalog/catalog.js';
import { ids, kindOf } from '../catalog/object-id.js';
import { commentSql, commentTargets } from '../render/comments.js';
import * as ddl from '../render/ddl.js';
import { RANK, statement, type PlannedStatement } from '../plan/statement.js';
import { depsOf, tableMemberIds, type DiffContext } from './context.js';

/**
 * CREATE and DROP of one object by id, for the kinds that are recreated whole (views, indexes,
 * constraints, triggers, policies, functions): used by their own diff and by the cascade that
 * recreates dependents of changed objects.
 */
export function emitCreate(ctx: DiffContext, id: string): void {
  const d = ctx.desired;
  const push = (s: PlannedStatement) => ctx.statements.push(s);
  const requires = depsOf(d, id);
  switch (kindOf(id)) {
    case 'view': {
      const view = d.views[id];
      push(statement(ddl.createViewSql(view), RANK.createView, id, { creates: [id], requires }));
      if (view.comment !== undefined)
        push(commentOn(commentTargets.view(view.schema, view.name, view.materialized), view.comment, id));
      for (const [column, comment] of Object.entries(view.columnComments)) {
        push(commentOn(commentTargets.column(view.schema, view.name, column), comment, id));
      }
      return;
    }
    case 'index': {
      const index = d.indexes[id];
      push(
        statement(ddl.createIndexSql(index), RANK.createIndex, id, {
          creates: [id],
          requires: [...requires, index.table],
        }),
      );
      if (index.comment !== undefined)
        push(commentOn(commentTargets.index(index.schema, index.name), index.comment, id));
      return;
    }
    case 'constraint': {
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
        push(
          commentOn(commentTargets.onTable('CONSTRAINT', constraint.name, tableId), constraint.comment, id),
        );
      }
      if (constraint.indexComment !== undefined)
        push(commentOn(commentTargets.index(table.schema, constraint.name), constraint.indexComment, id));
      return;
    }
    case 'trigger': {
      const trigger = d.triggers[id];
      push(
        statement(ddl.createTriggerSql(trigger), RANK.createTrigger, id, {
          creates: [id],
          requires: [...requires, trigger.table],
        }),
      );
      if (trigger.enabled !== 'O')
        push(
          statement(ddl.triggerEnabledSql(trigger)!, RANK.createTrigger, `${id}#enabled`, { requires: [id] }),
        );
      if (trigger.comment !== undefined)
        push(commentOn(commentTargets.onTable('TRIGGER', trigger.name, trigger.table), trigger.comment, id));
      return;
    }
    case 'policy': {
      const policy = d.policies[id];
      push(
        statement(ddl.createPolicySql(policy), RANK.createPolicy, id, {
          creates: [id],
          requires: [...requires, policy.table],
        }),
      );
      if (policy.comment !== undefined)
        push(commentOn(commentTargets.onTable('POLICY', policy.name, policy.table), policy.comment, id));
      return;
    }
    case 'function': {
      const fn = d.functions[id];
      push(statement(ddl.createFunctionSql(fn), RANK.createFunction, id, { creates: [id], requires }));
      if (fn.comment !== undefined)
        push(commentOn(commentTargets.function(fn.kind, ddl.functionSignature(fn)), fn.comment, id));
      return;
    }
    default:
      throw new Error(`pg-schema: cannot recreate ${id}`);
  }
}

export function emitDrop(ctx: DiffContext, id: string): void {
  const c = ctx.current;
  ctx.gone.add(id);
  if (ctx.implicitlyDropped.has(id)) return;
  const releases = depsOf(c, id);
  const push = (sql: string, rank: number, extraReleases: string[] = []) =>
    ctx.statements.push(statement(sql, rank, id, { drops: [id], releases: [...releases, ...extraReleases] }));
  switch (kindOf(id)) {
    case 'view': {
      const view = c.views[id];
      // A materialized view's indexes and a view's triggers go with it.
      for (const [indexId, index] of Object.entries(c.indexes))
        if (index.table === id) markImplicit(ctx, indexId);
      for (const [triggerId, trigger] of Object.entries(c.triggers))
        if (trigger.table === id) markImplicit(ctx, triggerId);
      push(ddl.dropViewSql(view), RANK.dropView);
      return;
    }
    case 'index':
      push(ddl.dropIndexSql(c.indexes[id]), RANK.dropIndex);
      return;
    case 'constraint': {
      const [table, constraint] = findConstraint(c, id);
      push(
        ddl.dropConstraintSql(table, constraint),
        constraint.type === 'foreign' ? RANK.dropForeignKey : RANK.dropConstraint,
      );
      return;
    }
    case 'trigger':
      push(ddl.dropTriggerSql(c.triggers[id]), RANK.dropTrigger);
      return;
    case 'policy':
      push(ddl.dropPolicySql(c.policies[id]), RANK.dropPolicy);
      return;
    case 'function':
      push(ddl.dropFunctionSql(c.functions[id]), RANK.dropFunction);
      return;
    default:
      throw new Error(`pg-schema: cannot drop ${id} on its own`);
  }
}

/** An object removed together with its parent: no statement, but its dependents still follow. */
export function markImplicit(ctx: DiffContext, id: string): void {
  ctx.implicitlyDropped.add(id);
  ctx.gone.add(id);
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
