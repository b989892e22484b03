import { qualified, quoteIdent, quoteLiteral } from '../../render/sql-text.js';
import type { EnumInfo } from './enum.model.js';

export function createEnumSql(type: EnumInfo): string {
  return `CREATE TYPE ${qualified(type.schema, type.name)} AS ENUM (${type.values.map(quoteLiteral).join(', ')});`;
}

/** `position` is ` BEFORE 'x'`, ` AFTER 'x'` or empty (appended). */
export function addEnumValueSql(type: EnumInfo, value: string, position: string): string {
  return `ALTER TYPE ${qualified(type.schema, type.name)} ADD VALUE IF NOT EXISTS ${quoteLiteral(value)}${position};`;
}

export function renameTypeSql(type: EnumInfo, newName: string): string {
  return `ALTER TYPE ${qualified(type.schema, type.name)} RENAME TO ${quoteIdent(newName)};`;
}
