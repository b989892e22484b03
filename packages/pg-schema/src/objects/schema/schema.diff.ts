import { depsOf, type DiffContext } from '../../diff/context.js';
import { alterComment, commentOn } from '../../diff/object-ops.js';
import { RANK, statement } from '../../plan/statement.js';
import type { SchemaInfo } from './schema.model.js';
import { createSchemaSql, dropSchemaSql, schemaCommentTarget } from './schema.sql.js';

export function createSchema(ctx: DiffContext, id: string, schema: SchemaInfo): void {
  ctx.statements.push(statement(createSchemaSql(schema.name), RANK.createSchema, id, { creates: [id] }));
  if (schema.comment !== undefined)
    ctx.statements.push(commentOn(schemaCommentTarget(schema.name), schema.comment, id));
}

export function dropSchema(ctx: DiffContext, id: string, schema: SchemaInfo): void {
  ctx.statements.push(
    statement(dropSchemaSql(schema.name), RANK.dropSchema, id, {
      drops: [id],
      releases: depsOf(ctx.current, id),
    }),
  );
}

/** A schema only changes its comment in place. */
export function alterSchema(ctx: DiffContext, id: string, c: SchemaInfo, d: SchemaInfo): void {
  alterComment(ctx, schemaCommentTarget(d.name), id, c.comment, d.comment);
}
