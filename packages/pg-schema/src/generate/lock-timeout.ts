import type { Step } from '../diff/diff.js';
import { PgSchemaError } from '../errors.js';

/** The lock timeout generated files set when online forms are on and none is configured. */
export const DEFAULT_LOCK_TIMEOUT = '5s';

/** A Postgres duration: a number of milliseconds, or a number with a unit (`500ms`, `5s`, `1min`). */
const DURATION = /^\d+(\.\d+)?\s*(us|ms|s|min|h|d)?$/;

/** The lock timeout the generated file sets, if any: configured, else the online default. */
export function stepLockTimeout(options: { online?: boolean; lockTimeout?: string }): string | undefined {
  const value = options.lockTimeout?.trim();
  if (value === undefined || value === '') return options.online === false ? undefined : DEFAULT_LOCK_TIMEOUT;
  if (!DURATION.test(value))
    throw new PgSchemaError(
      'USAGE',
      `lockTimeout "${options.lockTimeout}" is not a Postgres duration: write it as "5s", "500ms" or "1min" (migrate.config.json "lockTimeout", or --lock-timeout).`,
    );
  return value;
}

/**
 * Starts every transactional step with `SET LOCAL lock_timeout`: a statement that queues behind a
 * long transaction for its lock gives up after the timeout instead of making every writer queue
 * behind it; init-manager retries the step (SQLSTATE 55P03). SET LOCAL ends with the step.
 */
export function withLockTimeout(steps: Step[], lockTimeout: string | undefined): Step[] {
  if (lockTimeout === undefined) return steps;
  const line = `SET LOCAL lock_timeout = '${lockTimeout}';`;
  return steps.map((step) =>
    step.transactional ? { ...step, statements: [line, ...step.statements] } : step,
  );
}
