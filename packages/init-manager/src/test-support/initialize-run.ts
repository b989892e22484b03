import { InitManagerError } from '../errors';
import { initializeServiceDatabase, type InitializeOptions, type InitializeResult } from '../initialize';
import { silentLogger } from '../logger';
import type { ScratchDatabase } from './scratch-database';

/**
 * initializeServiceDatabase on the test's scratch database with what most specs start from:
 * service "auth" in development, a silent logger, and an empty migrations folder unless given.
 * `defaults` changes that start for a whole suite; each call's options win over both.
 */
export function initializer(
  scratch: ScratchDatabase,
  defaults: Partial<InitializeOptions> = {},
): (options?: Partial<InitializeOptions>) => Promise<InitializeResult> {
  return (options = {}) =>
    initializeServiceDatabase({
      service: 'auth',
      databaseUrl: scratch.db.url,
      environment: 'development',
      logger: silentLogger,
      ...defaults,
      ...options,
      migrationsDir: options.migrationsDir ?? defaults.migrationsDir ?? scratch.folder({}),
    });
}

/** The InitManagerError a promise rejects with; the test fails when it resolves or throws another error. */
export async function refusal(promise: Promise<unknown>): Promise<InitManagerError> {
  const outcome = await promise.then(
    () => ({ resolved: true as const }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) throw new Error('expected a refusal (an InitManagerError), but it succeeded');
  expect(outcome.error).toBeInstanceOf(InitManagerError);
  return outcome.error as InitManagerError;
}
