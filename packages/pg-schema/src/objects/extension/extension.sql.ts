import { quoteIdent } from '../../render/sql-text.js';
import type { ExtensionInfo } from './extension.model.js';

export function createExtensionSql(extension: ExtensionInfo): string {
  return `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(extension.name)} WITH SCHEMA ${quoteIdent(extension.schema)};`;
}

export const dropExtensionSql = (extension: ExtensionInfo) => `DROP EXTENSION ${quoteIdent(extension.name)};`;

export const extensionSchemaSql = (extension: ExtensionInfo) =>
  `ALTER EXTENSION ${quoteIdent(extension.name)} SET SCHEMA ${quoteIdent(extension.schema)};`;
