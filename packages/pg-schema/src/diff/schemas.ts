import { commentTargets } from '../render/comments.js';
import * as ddl from '../render/ddl.js';
import { quoteIdent } from '../render/sql-text.js';
import { RANK, statement } from '../plan/statement.js';
import { allKeys, depsOf, type DiffContext } from './context.js';
import { alterComment, commentOn } from './object-ops.js';

export function diffSchemas(ctx: DiffContext): void {
  const { current, desired } = ctx;
  for (const id of allKeys(current.schemas, desired.schemas)) {
    const c = current.schemas[id];
    const d = desired.schemas[id];
    if (!c) {
      ctx.statements.push(statement(ddl.createSchemaSql(d.name), RANK.createSchema, id, { creates: [id] }));
      if (d.comment !== undefined)
        ctx.statements.push(commentOn(commentTargets.schema(d.name), d.comment, id));
      ctx.changes.push({ action: 'create', object: id });
    } else if (!d) {
      ctx.statements.push(
        statement(ddl.dropSchemaSql(c.name), RANK.dropSchema, id, {
          drops: [id],
          releases: depsOf(current, id),
        }),
      );
      ctx.changes.push({ action: 'drop', object: id });
      ctx.gone.add(id);
    } else {
      alterComment(ctx, commentTargets.schema(d.name), id, c.comment, d.comment);
    }
  }
}

export function diffExtensions(ctx: DiffContext): void {
  const { current, desired } = ctx;
  for (const id of allKeys(current.extensions, desired.extensions)) {
    const c = current.extensions[id];
    const d = desired.extensions[id];
    if (!c) {
      const requires = [`schema:${d.schema}`];
      ctx.statements.push(
        statement(ddl.createExtensionSql(d), RANK.createExtension, id, { creates: [id], requires }),
      );
      ctx.changes.push({ action: 'create', object: id });
    } else if (!d) {
      const releases = [`schema:${c.schema}`];
      ctx.statements.push(
        statement(ddl.dropExtensionSql(c), RANK.dropExtension, id, { drops: [id], releases }),
      );
      ctx.changes.push({ action: 'drop', object: id });
      ctx.gone.add(id);
    } else if (c.schema !== d.schema) {
      const sql = `ALTER EXTENSION ${quoteIdent(d.name)} SET SCHEMA ${quoteIdent(d.schema)};`;
      ctx.statements.push(
        statement(sql, RANK.createExtension, id, {
          creates: [id],
          requires: [`schema:${d.schema}`],
          releases: [`schema:${c.schema}`],
        }),
      );
      ctx.changes.push({
        action: 'alter',
        object: id,
        attribute: 'schema',
        before: c.schema,
        after: d.schema,
      });
    }
  }
}
