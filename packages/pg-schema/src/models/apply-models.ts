import {
  MigrationStatementError,
  runModelStatements,
  type ModelFile,
  type ModelRunOptions,
} from '@bakery-ia/init-manager';
import type { ClientBase } from 'pg';
import { PgSchemaError } from '../errors.js';

/**
 * Runs the models' statements one by one on a throw-away database (init-manager's loop, so the
 * create-all fallback and generation agree on what the models mean). Errors name the file and line.
 */
export async function applyModels(
  client: ClientBase,
  models: ModelFile[],
  options: ModelRunOptions = {},
): Promise<void> {
  try {
    await runModelStatements(client, models, options);
  } catch (error) {
    if (!(error instanceof MigrationStatementError)) throw error;
    const code = error.pgCode ? ` (SQLSTATE ${error.pgCode})` : '';
    throw new PgSchemaError(
      'MODELS_FAILED',
      `${error.fileName}:${error.line}: ${error.problems[0]?.message ?? error.message}${code}. The models must apply to an empty database; fix this statement.`,
    );
  }
}
