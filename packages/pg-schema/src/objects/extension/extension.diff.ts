import type { DiffContext } from '../../diff/context.js';
import { ids } from '../../catalog/object-id.js';
import { recreateObject } from '../../diff/diff-objects.js';
import { UnsupportedChangeError } from '../../diff/unsupported.js';
import { RANK, statement } from '../../plan/statement.js';
import { describeIds, unrecreatableDependents } from '../stored-dependents.js';
import type { ExtensionInfo } from './extension.model.js';
import {
  createExtensionSql,
  dropExtensionSql,
  extensionSchemaSql,
  updateExtensionSql,
} from './extension.sql.js';

const EXTENSION = { create: createExtension, drop: dropExtension };

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

/**
 * An extension moves to another schema in place, and changes version in place where the server
 * has an update script for it; otherwise (downgrades, usually) it is dropped and created at the
 * version, with what uses it recreated by the cascade, unless something that holds data uses it.
 */
export function alterExtension(ctx: DiffContext, id: string, c: ExtensionInfo, d: ExtensionInfo): void {
  if (c.version !== d.version && !(c.updatableTo ?? []).includes(d.version)) {
    const blockers = unrecreatableDependents(ctx, id);
    if (blockers.length > 0) {
      throw new UnsupportedChangeError(
        `Extension ${d.name} would go from version ${c.version} to ${d.version}, and the server has no update ` +
          `script for that (pg_extension_update_paths; extensions rarely ship downgrades, so this is also what ` +
          `the down section of an upgrade needs). Dropping it to create it again would take ${describeIds(blockers)} ` +
          `along. Write this migration by hand, or keep the version the migrations have.`,
      );
    }
    recreateObject(
      ctx,
      EXTENSION,
      id,
      { current: c, desired: d },
      {
        attribute: 'version',
        before: c.version,
        after: d.version,
      },
    );
    return;
  }
  if (c.version !== d.version) {
    ctx.statements.push(
      statement(updateExtensionSql(d), RANK.createExtension, `${id}#version`, { creates: [id] }),
    );
    ctx.changes.push({
      action: 'alter',
      object: id,
      attribute: 'version',
      before: c.version,
      after: d.version,
    });
  }
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
