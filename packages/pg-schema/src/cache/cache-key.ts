import { createHash } from 'node:crypto';
import type { MigrationFile, ModelFile } from '@bakery-ia/init-manager';
import { engineFingerprint } from './engine-fingerprint.js';

/** What else changes the schema a set of files builds on a server (see serverFingerprint). */
export interface BuildContext {
  /** serverFingerprint(): major version, user, template0's locale, the extensions available. */
  server: string;
  /** The roles provided for the run (they are named by grants and policies). */
  roles: string[];
  /** migrate.config.json `managePrivileges` (models: whether privilege statements run). */
  privileges: boolean;
  /** engineFingerprint() unless given (tests). */
  engine?: string;
}

/**
 * Key of the schema that the committed migrations replay to: every file's name and checksum (what
 * migrations.sum holds, taken from the files themselves so a stale sum never names a wrong entry),
 * the engine, and the build context.
 */
export function replayKey(migrations: MigrationFile[], context: BuildContext): string {
  return keyOf(
    'replay',
    context,
    migrations.map((m) => `${m.fileName} ${m.checksum}`),
  );
}

/** Key of the schema the models build: each file's name and text, the engine, the build context. */
export function modelsKey(models: ModelFile[], context: BuildContext): string {
  return keyOf(
    'models',
    context,
    models.map((m) => `${m.fileName} ${createHash('sha256').update(m.text).digest('hex')}`),
  );
}

function keyOf(kind: string, context: BuildContext, files: string[]): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      kind,
      engine: context.engine ?? engineFingerprint(),
      server: context.server,
      roles: [...context.roles].sort(),
      privileges: context.privileges,
      files,
    }),
  );
  return hash.digest('hex');
}

/** A short stable name for the folder an entry belongs to (eviction keeps the newest per scope). */
export function scopeOf(dir: string): string {
  return createHash('sha256').update(dir).digest('hex').slice(0, 8);
}
