import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InitManagerError, type MigrationProblem } from './errors.js';
import { loadSqlParser, splitStatements, SqlSyntaxError, type SqlStatement } from './sql-statements.js';

export interface ModelFile {
  fileName: string;
  path: string;
  text: string;
  /** The text that was parsed (meta-command lines blanked): statement locations refer to it. */
  sql: string;
  statements: SqlStatement[];
  /** Ownership and privilege statements left out (out of the diff; roles may not exist). */
  skipped: SqlStatement[];
}

/** Statement kinds that only set owners or privileges, which models do not manage. */
const OWNERSHIP_KINDS = new Set([
  'GrantStmt',
  'GrantRoleStmt',
  'AlterOwnerStmt',
  'AlterDefaultPrivilegesStmt',
]);

export function isOwnershipStatement(statement: SqlStatement): boolean {
  if (OWNERSHIP_KINDS.has(statement.kind)) return true;
  if (statement.kind !== 'AlterTableStmt') return false;
  const cmds = (statement.node.cmds as Array<{ AlterTableCmd?: { subtype?: string } }> | undefined) ?? [];
  return cmds.length > 0 && cmds.every((cmd) => cmd.AlterTableCmd?.subtype === 'AT_ChangeOwner');
}

/**
 * Reads the models: every `*.sql` of the folder in name order. Accepts `pg_dump --schema-only`
 * output: psql meta-commands (`\restrict`) are blanked and OWNER TO / GRANT statements are skipped.
 */
export async function readModelFiles(dir: string): Promise<ModelFile[]> {
  if (!existsSync(dir)) {
    throw new InitManagerError('INVALID_MODELS', `The models folder ${dir} does not exist.`);
  }
  await loadSqlParser();
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
      const all = splitStatements(sql, 1);
      files.push({
        fileName,
        path,
        text,
        sql,
        statements: all.filter((statement) => !isOwnershipStatement(statement)),
        skipped: all.filter(isOwnershipStatement),
      });
    } catch (error) {
      if (!(error instanceof SqlSyntaxError)) throw error;
      problems.push({ file: path, line: error.line, message: `syntax error: ${error.message}` });
    }
  }
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
