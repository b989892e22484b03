import { ids } from '../../catalog/object-id.js';
import { depsOf, type DiffContext } from '../../diff/context.js';
import { alterComment, commentOn, createStatement, dropStatement } from '../../diff/object-ops.js';
import { RANK, statement } from '../../plan/statement.js';
import { qualified, quoteIdent, quoteLiteral } from '../../render/sql-text.js';
import { dropTypeSql, typeCommentTarget } from '../user-type.js';
import type { EnumInfo } from './enum.model.js';
import { addEnumValueSql, createEnumSql, renameTypeSql } from './enum.sql.js';

export function createEnum(ctx: DiffContext, id: string, type: EnumInfo): void {
  ctx.statements.push(createStatement(ctx, id, createEnumSql(type), RANK.createType));
  if (type.comment !== undefined) ctx.statements.push(commentOn(typeCommentTarget(type), type.comment, id));
}

export function dropEnum(ctx: DiffContext, id: string, type: EnumInfo): void {
  ctx.statements.push(dropStatement(ctx, id, dropTypeSql(type), RANK.dropType));
}

/**
 * Values only added (anywhere) become ALTER TYPE ... ADD VALUE, run in a first, non-transactional
 * step so later statements may use them. Any removal or reordering recreates the type: rename the
 * old one, create the new one, convert each column through text, drop the old.
 */
export function alterEnum(ctx: DiffContext, id: string, c: EnumInfo, d: EnumInfo): void {
  if (c.values.join('\u0000') !== d.values.join('\u0000')) {
    if (isSubsequence(c.values, d.values)) addValues(ctx, id, c, d);
    else recreateEnum(ctx, id, c, d);
    ctx.changes.push({
      action: 'alter',
      object: id,
      attribute: 'values',
      before: c.values,
      after: d.values,
    });
  }
  alterComment(ctx, typeCommentTarget(d), id, c.comment, d.comment);
}

export function isSubsequence(existing: string[], desired: string[]): boolean {
  let i = 0;
  for (const value of desired) if (i < existing.length && value === existing[i]) i++;
  return i === existing.length;
}

function addValues(ctx: DiffContext, id: string, c: EnumInfo, d: EnumInfo): void {
  const present = new Set(c.values);
  d.values.forEach((value, index) => {
    if (present.has(value)) return;
    const next = d.values.slice(index + 1).find((v) => present.has(v));
    const previous = d.values
      .slice(0, index)
      .reverse()
      .find((v) => present.has(v));
    const position =
      next !== undefined
        ? ` BEFORE ${quoteLiteral(next)}`
        : previous !== undefined
          ? ` AFTER ${quoteLiteral(previous)}`
          : '';
    ctx.statements.push(
      statement(
        addEnumValueSql(d, value, position),
        RANK.alterType,
        `${id}#${String(index).padStart(4, '0')}`,
        {
          transactional: false,
        },
      ),
    );
    present.add(value);
  });
}

function recreateEnum(ctx: DiffContext, id: string, c: EnumInfo, d: EnumInfo): void {
  const oldName = `${c.name}__old`;
  const oldId = `${id}__old`;
  ctx.recreatedTypes.add(id);
  ctx.gone.add(id);
  ctx.statements.push(
    statement(renameTypeSql(c, oldName), RANK.alterType, `${id}#0rename`, {
      drops: [id],
      creates: [oldId],
    }),
  );
  ctx.statements.push(
    statement(createEnumSql(d), RANK.alterType, `${id}#1create`, {
      creates: [id],
      requires: depsOf(ctx.desired, id),
    }),
  );
  const typeName = qualified(d.schema, d.name);
  for (const table of Object.values(ctx.current.tables)) {
    const tableId = ids.table(table.schema, table.name);
    const desiredTable = ctx.desired.tables[tableId];
    for (const column of table.columns) {
      const array = column.type === `${typeName}[]`;
      if (column.type !== typeName && !array) continue;
      const desiredColumn = desiredTable?.columns.find((col) => col.name === column.name);
      if (!desiredColumn || desiredColumn.type !== column.type) continue;
      const columnId = ids.column(table.schema, table.name, column.name);
      const name = quoteIdent(column.name);
      const parts = [];
      if (column.default !== undefined) parts.push(`ALTER COLUMN ${name} DROP DEFAULT`);
      parts.push(
        `ALTER COLUMN ${name} TYPE ${column.type} USING ${name}::text${array ? '[]' : ''}::${column.type}`,
      );
      if (desiredColumn.default !== undefined)
        parts.push(`ALTER COLUMN ${name} SET DEFAULT ${desiredColumn.default}`);
      const conversion = statement(
        `ALTER TABLE ${qualified(table.schema, table.name)} ${parts.join(', ')};`,
        RANK.alterType,
        `${id}#2${columnId}`,
        { creates: [columnId], requires: [id, ...depsOf(ctx.desired, columnId)], releases: [oldId] },
      );
      ctx.statements.push(conversion);
      ctx.retypedColumns.set(columnId, conversion);
      ctx.replaced.add(columnId);
    }
  }
  ctx.statements.push(
    statement(`DROP TYPE ${qualified(c.schema, oldName)};`, RANK.alterType, `${id}#3drop`, {
      drops: [oldId],
      requires: [id],
    }),
  );
}
