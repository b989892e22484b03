import { createHash } from 'node:crypto';
import type { ClientBase } from 'pg';
import { BatchFailure, sendBatch, type BatchPart } from './batch.js';
import { InitManagerError } from './errors.js';
import { isPrivilegeStatement, type ModelFile } from './model-sql.js';
import { statementError } from './statement-error.js';
import { autocommitMessages } from './statement-batches.js';
import { qualified, quoteIdent, quoteLiteral, type TableName } from './sql-identifiers.js';
import { tableExists } from './migrations-table.js';

/** Marks a database built by the create-all fallback, with the models' checksum it was built from. */
export const CREATE_ALL_MARKER: TableName = { schema: 'public', name: 'schema_create_all' };

export function modelsChecksum(models: ModelFile[]): string {
  const hash = createHash('sha256');
  for (const model of models) hash.update(`${model.fileName}\n${model.text.replace(/\r\n?/g, '\n')}\n`);
  return 'h1:' + hash.digest('base64');
}

export async function readCreateAllMarker(
  client: ClientBase,
): Promise<{ checksum: string; appliedAt: Date } | undefined> {
  if (!(await tableExists(client, CREATE_ALL_MARKER))) return undefined;
  const { rows } = await client.query<{ checksum: string; applied_at: Date }>(
    `SELECT checksum, applied_at FROM ${qualified(CREATE_ALL_MARKER)} ORDER BY applied_at DESC LIMIT 1`,
  );
  return rows[0] ? { checksum: rows[0].checksum, appliedAt: rows[0].applied_at } : undefined;
}

export interface ModelRunOptions {
  /**
   * false: leave GRANT / REVOKE / ALTER DEFAULT PRIVILEGES out (privileges managed elsewhere,
   * `managePrivileges: false` in migrate.config.json). Default true.
   */
  privileges?: boolean;
}

/**
 * Runs the models' statements in file order, with the meaning of running each in autocommit but in
 * as few messages as that allows (statements that need a transaction of their own, or a commit
 * before what follows, split them). A failure is a MigrationStatementError naming the file and
 * line. Each file starts from the default search_path (a pg_dump file empties it). Privilege
 * statements run where they stand: ALTER DEFAULT PRIVILEGES applies to what follows it.
 */
export async function runModelStatements(
  client: ClientBase,
  models: ModelFile[],
  options: ModelRunOptions = {},
): Promise<void> {
  for (const message of autocommitMessages(modelParts(models, options)))
    await sendModelBatch(client, message);
}

/** The models' statements, each file after a RESET search_path, and a last RESET. */
function modelParts(models: ModelFile[], options: ModelRunOptions): BatchPart[] {
  const parts: BatchPart[] = [];
  for (const model of models) {
    parts.push({ sql: 'RESET search_path' });
    for (const statement of model.statements) {
      if (options.privileges === false && isPrivilegeStatement(statement)) continue;
      parts.push({ sql: statement.sql, source: { fileName: model.path, statement } });
    }
  }
  parts.push({ sql: 'RESET search_path' });
  return parts;
}

async function sendModelBatch(client: ClientBase, parts: BatchPart[]): Promise<void> {
  try {
    await sendBatch(client, parts);
  } catch (error) {
    if (!(error instanceof BatchFailure)) throw error;
    const source = error.part?.source;
    if (source) throw statementError(source.fileName, source.statement, error.pgError, false);
    throw new InitManagerError('MODELS_FAILED', `the models: ${error.pgError.message}`);
  }
}

/**
 * Applies every model statement in one transaction (development only), then records the models'
 * checksum so the next start can tell "up to date" from "models changed since".
 */
export async function applyModels(
  client: ClientBase,
  models: ModelFile[],
  options: ModelRunOptions = {},
): Promise<number> {
  const started = performance.now();
  // One message: the statements, the marker and its row, in one transaction.
  const parts: BatchPart[] = [
    { sql: 'BEGIN', control: true },
    ...modelParts(models, options),
    { sql: `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(CREATE_ALL_MARKER.schema)}` },
    {
      sql: `CREATE TABLE IF NOT EXISTS ${qualified(CREATE_ALL_MARKER)} (checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    },
    {
      sql: `INSERT INTO ${qualified(CREATE_ALL_MARKER)} (checksum) VALUES (${quoteLiteral(modelsChecksum(models))})`,
    },
    { sql: 'COMMIT', control: true },
  ];
  try {
    await sendModelBatch(client, parts);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (error instanceof InitManagerError) {
      throw new InitManagerError(
        'MODELS_FAILED',
        `Creating the schema from the models failed: ${error.message}`,
        error.problems,
      );
    }
    throw error;
  }
  return performance.now() - started;
}
