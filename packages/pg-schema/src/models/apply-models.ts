import type { ModelFile } from '@bakery-ia/init-manager';
import type { ClientBase } from 'pg';
import { PgSchemaError } from '../errors.js';

/**
 * Runs the models' statements one by one on a throw-away database. Each file starts with the
 * default search_path (a pg_dump file empties it). Errors name the file and line.
 */
export async function applyModels(client: ClientBase, models: ModelFile[]): Promise<void> {
  for (const model of models) {
    await client.query('RESET search_path');
    for (const statement of model.statements) {
      try {
        await client.query(statement.sql);
      } catch (error) {
        const pgError = error as { message: string; code?: string; position?: string };
        if (!pgError.code) throw error;
        const offset = pgError.position ? Number(pgError.position) - 1 : 0;
        const line = statement.line + (statement.sql.slice(0, Math.max(0, offset)).match(/\n/g)?.length ?? 0);
        throw new PgSchemaError(
          'MODELS_FAILED',
          `${model.path}:${line}: ${pgError.message} (SQLSTATE ${pgError.code}). The models must apply to an empty database; fix this statement.`,
        );
      }
    }
  }
  await client.query('RESET search_path');
}
