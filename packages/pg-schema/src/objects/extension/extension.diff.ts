import type { DiffContext } from '../../diff/context.js';
import { ids } from '../../catalog/object-id.js';
import { RANK, statement } from '../../plan/statement.js';
import type { ExtensionInfo } from './extension.model.js';
import { createExtensionSql, dropExtensionSql, extensionSchemaSql } from './extension.sql.js';

export function createExtension(ctx: DiffContext, id: string, extension: ExtensionInfo): void {
  const requires = [ids.schema(extension.schema)];
  ctx.statements.push(
    statement(createExtensionSql(extension), RANK.createExtension, id, { creates: [id], requires }),
  );
}

export function dropExtension(ctx: DiffContext, id: string, extension: ExtensionInfo): void {
  const releases = [ids.schema(extension.schema)];
  ctx.statements.push(
    statement(dropExtensionSql(extension), RANK.dropExtension, id, { drops: [id], releases }),
  );
}

/** An extension moves to another schema in place. */
export function alterExtension(ctx: DiffContext, id: string, c: ExtensionInfo, d: ExtensionInfo): void {
  if (c.schema === d.schema) return;
  ctx.statements.push(
    statement(extensionSchemaSql(d), RANK.createExtension, id, {
      creates: [id],
      requires: [ids.schema(d.schema)],
      releases: [ids.schema(c.schema)],
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
