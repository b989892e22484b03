import { quoteIdent, quoteLiteral } from '../../render/sql-text.js';
import type { ExtensionInfo } from './extension.model.js';

/** The server's default version is not pinned: the SQL means "the default" wherever it runs. */
const pinsVersion = (extension: ExtensionInfo) => extension.version !== extension.defaultVersion;

export function createExtensionSql(extension: ExtensionInfo): string {
  const version = pinsVersion(extension) ? ` VERSION ${quoteLiteral(extension.version)}` : '';
  return `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(extension.name)} WITH SCHEMA ${quoteIdent(extension.schema)}${version};`;
}

export const dropExtensionSql = (extension: ExtensionInfo) => `DROP EXTENSION ${quoteIdent(extension.name)};`;

export const extensionSchemaSql = (extension: ExtensionInfo) =>
  `ALTER EXTENSION ${quoteIdent(extension.name)} SET SCHEMA ${quoteIdent(extension.schema)};`;

export function updateExtensionSql(extension: ExtensionInfo): string {
  const version = pinsVersion(extension) ? ` TO ${quoteLiteral(extension.version)}` : '';
  return `ALTER EXTENSION ${quoteIdent(extension.name)} UPDATE${version};`;
}
