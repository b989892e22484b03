import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InitManagerError, type MigrationProblem } from './errors.js';
import { rolesDeclaredBy } from './role-names.js';
import type { ReadOptions } from './read-migrations.js';
import { loadSqlParser, SqlSyntaxError, type SqlStatement } from './sql-statements.js';
import { parseWithCache } from './statement-cache.js';

export interface ModelFile {
  fileName: string;
  path: string;
  text: string;
  /** The text that was parsed (meta-command lines blanked): statement locations refer to it. */
  sql: string;
  /** The statements that run, in file order: privilege statements (GRANT, REVOKE, ALTER DEFAULT PRIVILEGES) included. */
  statements: SqlStatement[];
  /** Statements left out: ownership, role membership, roles themselves, privileges outside schemas. */
  skipped: SqlStatement[];
  /** Roles the file declares with CREATE ROLE: created on shadow servers only, never by migrations. */
  declaredRoles: string[];
}

/** What a model statement is, for what runs where. */
export type ModelStatementClass =
  /** Schema DDL: runs everywhere. */
  | 'schema'
  /** GRANT / REVOKE on objects in schemas, ALTER DEFAULT PRIVILEGES: runs unless privileges are not managed. */
  | 'privilege'
  /** OWNER TO and role membership (GRANT role TO role): ownership stays out. */
  | 'ownership'
  /** CREATE / ALTER / DROP ROLE: roles are cluster-wide, provisioned outside migrations. */
  | 'role'
  /** GRANT / REVOKE on databases, tablespaces, languages, foreign data wrappers and servers, large objects, parameters. */
  | 'unmanaged-privilege';

const OWNERSHIP_KINDS = new Set(['GrantRoleStmt', 'AlterOwnerStmt']);
const ROLE_KINDS = new Set(['CreateRoleStmt', 'AlterRoleStmt', 'AlterRoleSetStmt', 'DropRoleStmt']);
/** GRANT targets that are not objects of a schema (or a schema): not part of the catalog. */
const UNMANAGED_GRANT_TARGETS = new Set([
  'OBJECT_DATABASE',
  'OBJECT_TABLESPACE',
  'OBJECT_LANGUAGE',
  'OBJECT_FDW',
  'OBJECT_FOREIGN_SERVER',
  'OBJECT_LARGEOBJECT',
  'OBJECT_PARAMETER_ACL',
]);

export function classifyModelStatement(statement: SqlStatement): ModelStatementClass {
  if (OWNERSHIP_KINDS.has(statement.kind)) return 'ownership';
  if (ROLE_KINDS.has(statement.kind)) return 'role';
  if (statement.kind === 'GrantStmt') return grantClass(statement.node.objtype);
  if (statement.kind === 'AlterDefaultPrivilegesStmt') {
    const action = statement.node.action;
    return grantClass(
      action !== null && typeof action === 'object' && 'objtype' in action ? action.objtype : undefined,
    );
  }
  if (statement.kind !== 'AlterTableStmt') return 'schema';
  const cmds = (statement.node.cmds as Array<{ AlterTableCmd?: { subtype?: string } }> | undefined) ?? [];
  return cmds.length > 0 && cmds.every((cmd) => cmd.AlterTableCmd?.subtype === 'AT_ChangeOwner')
    ? 'ownership'
    : 'schema';
}

function grantClass(objtype: unknown): ModelStatementClass {
  return typeof objtype === 'string' && UNMANAGED_GRANT_TARGETS.has(objtype)
    ? 'unmanaged-privilege'
    : 'privilege';
}

/** OWNER TO and role membership statements, which models never apply. */
export function isOwnershipStatement(statement: SqlStatement): boolean {
  return classifyModelStatement(statement) === 'ownership';
}

/** GRANT / REVOKE on schema objects and ALTER DEFAULT PRIVILEGES: applied unless privileges are not managed. */
export function isPrivilegeStatement(statement: SqlStatement): boolean {
  return classifyModelStatement(statement) === 'privilege';
}

function runs(statement: SqlStatement): boolean {
  const kind = classifyModelStatement(statement);
  return kind === 'schema' || kind === 'privilege';
}

/**
 * Reads the models: every `*.sql` of the folder in name order. Accepts `pg_dump --schema-only`
 * output: psql meta-commands (`\restrict`) are blanked and OWNER TO statements are skipped; its
 * GRANT / REVOKE statements run (see classifyModelStatement).
 */
export async function readModelFiles(dir: string, options: ReadOptions = {}): Promise<ModelFile[]> {
  if (!existsSync(dir)) {
    throw new InitManagerError('INVALID_MODELS', `The models folder ${dir} does not exist.`);
  }
  // The parser loads while kept files are read.
  const parserReady = loadSqlParser();
  const problems: MigrationProblem[] = [];
  const files: ModelFile[] = [];
  for (const fileName of readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()) {
    const path = join(dir, fileName);
    const text = readFileSync(path, 'utf8');
    // Blank (not remove) meta-command lines so line numbers stay those of the file.
    const sql = text.replace(/\r\n?/g, '\n').replace(/^\\.*$/gm, '');
    try {
      const all = await parseWithCache(
        text,
        options.statementCache,
        parserReady,
        (split) => split(sql, 1),
        () => true,
      );
      files.push({
        fileName,
        path,
        text,
        sql,
        statements: all.filter(runs),
        skipped: all.filter((statement) => !runs(statement)),
        declaredRoles: rolesDeclaredBy(all),
      });
    } catch (error) {
      if (!(error instanceof SqlSyntaxError)) throw error;
      problems.push({ file: path, line: error.line, message: `syntax error: ${error.message}` });
    }
  }
  // Callers that keep statements await the parser themselves (ReadOptions); a failed load is
  // theirs to see then, not an unhandled rejection meanwhile.
  if (options.statementCache) parserReady.catch(() => undefined);
  else await parserReady;
  if (problems.length > 0) {
    throw new InitManagerError(
      'INVALID_MODELS',
      `Invalid SQL in the models:\n` + problems.map((p) => `  ${p.file}:${p.line}: ${p.message}`).join('\n'),
      problems,
    );
  }
  if (files.length === 0 || files.every((file) => file.statements.length === 0)) {
    throw new InitManagerError(
      'INVALID_MODELS',
      `The models folder ${dir} has no SQL statements: add *.sql files that declare the schema.`,
    );
  }
  return files;
}
