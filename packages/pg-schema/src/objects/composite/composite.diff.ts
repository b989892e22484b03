import type { Catalog } from '../../catalog/catalog.js';
import { depsOf, sameJson, type DiffContext } from '../../diff/context.js';
import { alterComment, commentOn, createStatement, dropStatement } from '../../diff/object-ops.js';
import { UnsupportedChangeError } from '../../diff/unsupported.js';
import { RANK, statement } from '../../plan/statement.js';
import { qualified, quoteIdent } from '../../render/sql-text.js';
import { dropTypeSql, typeCommentTarget } from '../user-type.js';
import type { CompositeInfo } from './composite.model.js';
import { alterCompositeSql, createCompositeSql } from './composite.sql.js';

export function createComposite(ctx: DiffContext, id: string, type: CompositeInfo): void {
  ctx.statements.push(createStatement(ctx, id, createCompositeSql(type), RANK.createType));
  if (type.comment !== undefined) ctx.statements.push(commentOn(typeCommentTarget(type), type.comment, id));
}

export function dropComposite(ctx: DiffContext, id: string, type: CompositeInfo): void {
  ctx.statements.push(dropStatement(ctx, id, dropTypeSql(type), RANK.dropType));
}

/** Composite types change attribute by attribute (ADD / DROP / ALTER ATTRIBUTE). */
export function alterComposite(ctx: DiffContext, id: string, c: CompositeInfo, d: CompositeInfo): void {
  const before = new Map(c.attributes.map((a) => [a.name, a]));
  const after = new Map(d.attributes.map((a) => [a.name, a]));
  const actions: string[] = [];
  for (const attribute of c.attributes)
    if (!after.has(attribute.name)) actions.push(`DROP ATTRIBUTE ${quoteIdent(attribute.name)}`);
  for (const attribute of d.attributes) {
    const old = before.get(attribute.name);
    const collate = attribute.collation ? ` COLLATE ${attribute.collation}` : '';
    if (!old) actions.push(`ADD ATTRIBUTE ${quoteIdent(attribute.name)} ${attribute.type}${collate}`);
    else if (!sameJson(old, attribute)) {
      const column = storingColumn(ctx.current, qualified(c.schema, c.name));
      if (column) {
        throw new UnsupportedChangeError(
          `The type of attribute ${attribute.name} of composite type ${c.schema}.${c.name} changes (${old.type} -> ${attribute.type}) ` +
            `while column ${column} stores values of it; Postgres cannot convert stored composite values in place. ` +
            `Write this migration by hand (create a new type, convert the column with ROW(...), drop the old type).`,
        );
      }
      actions.push(`ALTER ATTRIBUTE ${quoteIdent(attribute.name)} TYPE ${attribute.type}${collate}`);
    }
  }
  if (actions.length > 0) {
    ctx.statements.push(
      statement(alterCompositeSql(d, actions), RANK.alterType, id, {
        creates: [id],
        requires: depsOf(ctx.desired, id),
        releases: depsOf(ctx.current, id),
      }),
    );
    ctx.changes.push({
      action: 'alter',
      object: id,
      attribute: 'attributes',
      before: c.attributes.map((a) => `${a.name} ${a.type}`),
      after: d.attributes.map((a) => `${a.name} ${a.type}`),
    });
  }
  alterComment(ctx, typeCommentTarget(d), id, c.comment, d.comment);
}

/**
 * A table column that stores values of the type, directly, as an array, or through a domain or
 * another composite type: ALTER ATTRIBUTE ... TYPE is refused then.
 */
export function storingColumn(catalog: Catalog, typeName: string): string | undefined {
  const types = new Set([typeName]);
  for (let grown = true; grown;) {
    grown = false;
    const holders = [
      ...Object.values(catalog.domains).map((d) => ({
        name: qualified(d.schema, d.name),
        uses: [d.baseType],
      })),
      ...Object.values(catalog.composites).map((t) => ({
        name: qualified(t.schema, t.name),
        uses: t.attributes.map((a) => a.type),
      })),
    ];
    for (const holder of holders) {
      if (types.has(holder.name) || !holder.uses.some((type) => types.has(type.replace(/\[\]$/, ''))))
        continue;
      types.add(holder.name);
      grown = true;
    }
  }
  for (const table of Object.values(catalog.tables)) {
    const column = table.columns.find((col) => types.has(col.type.replace(/\[\]$/, '')));
    if (column) return `${table.schema}.${table.name}.${column.name}`;
  }
  return undefined;
}
