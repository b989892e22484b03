import { parseArgs } from 'node:util';
import { PgSchemaError } from '../errors.js';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** Parses `--flag value` options strictly: an unknown option is a usage error naming it. */
export function parseOptions(argv: string[], spec: OptionSpec): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({ args: argv, options: spec, strict: true, allowPositionals: false }).values as Record<
      string,
      string | boolean | undefined
    >;
  } catch (error) {
    throw new PgSchemaError('USAGE', `${(error as Error).message}. Run \`pg-schema help\` for the options.`);
  }
}

export function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new PgSchemaError('USAGE', `--${name} is required.`);
  return value;
}

export function list(value: unknown): string[] | undefined {
  return typeof value === 'string' && value
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : undefined;
}

export function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new PgSchemaError(
    'USAGE',
    `--${name} must be one of ${allowed.join(', ')} (got "${String(value)}").`,
  );
}
