import { normalizeQuery } from '../catalog/normalize.js';
import type { Catalog, FunctionInfo, ViewInfo } from '../catalog/catalog.js';
import { commentTargets } from '../render/comments.js';
import * as ddl from '../render/ddl.js';
import { RANK, statement } from '../plan/statement.js';
import { allKeys, depsOf, type DiffContext } from './context.js';
import { alterComment, emitCreate, emitDrop } from './object-ops.js';

type Kind = 'indexes' | 'views' | 'functions' | 'triggers' | 'policies';

/**
 * Kinds that Postgres cannot alter piece by piece in general: a changed definition is a drop and
 * a create (a function whose signature and result stay the same is replaced in place instead).
 */
export function diffRecreatedObjects(ctx: DiffContext, kind: Kind): void {
  const current = ctx.current[kind] as Record<string, { comment?: string }>;
  const desired = ctx.desired[kind] as Record<string, { comment?: string }>;
  for (const id of allKeys(current, desired)) {
    const c = current[id];
    const d = desired[id];
    if (!c) {
      emitCreate(ctx, id);
      ctx.changes.push({ action: 'create', object: id });
    } else if (!d) {
      emitDrop(ctx, id);
      ctx.changes.push({ action: 'drop', object: id });
    } else {
      const difference = definitionChange(kind, c, d);
      if (difference && kind === 'functions' && replaceableInPlace(c as FunctionInfo, d as FunctionInfo)) {
        const fn = d as FunctionInfo;
        ctx.statements.push(
          statement(ddl.createFunctionSql(fn), RANK.createFunction, id, {
            creates: [id],
            requires: depsOf(ctx.desired, id),
            releases: depsOf(ctx.current, id),
          }),
        );
        ctx.changes.push({ action: 'alter', object: id, ...difference });
        // Kept, or replaced in place (which keeps its comment).
        alterComment(ctx, commentTarget(ctx.desired, kind, id), id, c.comment, d.comment);
      } else if (difference) {
        emitDrop(ctx, id);
        emitCreate(ctx, id);
        ctx.replaced.add(id);
        ctx.changes.push({ action: 'alter', object: id, ...difference });
      } else {
        if (kind === 'triggers') triggerEnabled(ctx, id);
        alterComment(ctx, commentTarget(ctx.desired, kind, id), id, c.comment, d.comment);
        if (kind === 'views') viewColumnComments(ctx, id);
      }
    }
  }
}

function definitionChange(
  kind: Kind,
  c: unknown,
  d: unknown,
): { attribute: string; before: unknown; after: unknown } | undefined {
  if (kind === 'views') {
    const [a, b] = [c as ViewInfo, d as ViewInfo];
    if (a.materialized !== b.materialized)
      return { attribute: 'materialized', before: a.materialized, after: b.materialized };
    if (a.options.join(',') !== b.options.join(','))
      return { attribute: 'options', before: a.options, after: b.options };
    if (a.definition !== b.definition && normalizeQuery(a.definition) !== normalizeQuery(b.definition)) {
      return { attribute: 'definition', before: a.definition, after: b.definition };
    }
    return undefined;
  }
  if (kind === 'policies') {
    const strip = (p: object) => JSON.stringify({ ...p, comment: undefined });
    return strip(c as object) !== strip(d as object)
      ? { attribute: 'definition', before: strip(c as object), after: strip(d as object) }
      : undefined;
  }
  const a = (c as { definition: string }).definition;
  const b = (d as { definition: string }).definition;
  return a !== b ? { attribute: 'definition', before: a, after: b } : undefined;
}

function replaceableInPlace(c: FunctionInfo, d: FunctionInfo): boolean {
  return c.kind === d.kind && c.result === d.result && c.arguments === d.arguments;
}

function triggerEnabled(ctx: DiffContext, id: string): void {
  const c = ctx.current.triggers[id];
  const d = ctx.desired.triggers[id];
  if (c.enabled === d.enabled) return;
  ctx.statements.push(
    statement(ddl.triggerEnabledSql(d)!, RANK.createTrigger, `${id}#enabled`, { requires: [id] }),
  );
  ctx.changes.push({
    action: 'alter',
    object: id,
    attribute: 'enabled',
    before: c.enabled,
    after: d.enabled,
  });
}

function viewColumnComments(ctx: DiffContext, id: string): void {
  const c = ctx.current.views[id];
  const d = ctx.desired.views[id];
  for (const column of allKeys(c.columnComments, d.columnComments)) {
    const target = commentTargets.column(d.schema, d.name, column);
    const [before, after] = [c.columnComments[column], d.columnComments[column]];
    alterComment(ctx, target, id, before, after, `comment on column ${column}`);
  }
}

function commentTarget(catalog: Catalog, kind: Kind, id: string): string {
  switch (kind) {
    case 'indexes': {
      const index = catalog.indexes[id];
      return commentTargets.index(index.schema, index.name);
    }
    case 'views': {
      const view = catalog.views[id];
      return commentTargets.view(view.schema, view.name, view.materialized);
    }
    case 'functions': {
      const fn = catalog.functions[id];
      return commentTargets.function(fn.kind, ddl.functionSignature(fn));
    }
    case 'triggers': {
      const trigger = catalog.triggers[id];
      return commentTargets.onTable('TRIGGER', trigger.name, trigger.table);
    }
    case 'policies': {
      const policy = catalog.policies[id];
      return commentTargets.onTable('POLICY', policy.name, policy.table);
    }
  }
}
