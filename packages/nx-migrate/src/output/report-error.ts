import { isInitManagerError, maskSecrets } from '@bakery-ia/init-manager';
import { PgSchemaError } from '@bakery-ia/pg-schema';
import { MigrateConfigError } from '../config/migrate-config.js';

/** Known failures are one clear message; anything else also says it is unexpected. */
export function reportError(target: string, error: unknown): void {
  if (error instanceof PgSchemaError || isInitManagerError(error) || error instanceof MigrateConfigError) {
    console.error(`${target}: ${maskSecrets(error.message)}`);
    return;
  }
  const known = error instanceof Error && (error as { code?: string }).code && error.name === 'KubeError';
  const message = error instanceof Error ? error.message : String(error);
  console.error(`${target}: ${known ? '' : 'unexpected error: '}${maskSecrets(message)}`);
  if (process.env.NX_VERBOSE_LOGGING === 'true' && error instanceof Error) console.error(error.stack);
}
