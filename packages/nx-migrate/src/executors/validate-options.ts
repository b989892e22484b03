import { PgSchemaError } from '@bakery-ia/pg-schema';

/**
 * Nx validates options against schema.json only in part; unknown options are refused here too,
 * so a typo (`--dryrun`) never runs the real thing.
 */
export function validateOptions(options: object, known: string[], target: string): void {
  const unknown = Object.keys(options).filter(
    (key) => !known.includes(key) && !key.startsWith('_') && key !== '$0',
  );
  if (unknown.length > 0) {
    throw new PgSchemaError(
      'USAGE',
      `unknown option(s) ${unknown.map((key) => `--${key}`).join(', ')} for ${target} (known: ${known.map((key) => `--${key}`).join(', ')}).`,
    );
  }
}
