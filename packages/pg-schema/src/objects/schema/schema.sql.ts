import { quoteIdent } from '../../render/sql-text.js';

export const createSchemaSql = (name: string) => `CREATE SCHEMA ${quoteIdent(name)};`;
export const dropSchemaSql = (name: string) => `DROP SCHEMA ${quoteIdent(name)};`;
export const schemaCommentTarget = (name: string) => `SCHEMA ${quoteIdent(name)}`;
