import { join } from 'node:path';
import { statementsOf, type MigrationFile, type ModelFile, type SqlStatement } from '@bakery-ia/init-manager';
import type { Catalog } from '../catalog/catalog.js';
import { PgSchemaError } from '../errors.js';
import { declaringStatements, locate } from './locate.js';
import { unsupportedMessage, type LocatedUnsupported } from './unsupported-message.js';
import type { UnsupportedObject } from './unsupported.js';

export interface SqlSource {
  file: string;
  statements: readonly SqlStatement[];
}

/** The models' statements, GRANTs the models skip included (they may be what a grant came from). */
export function modelSources(models: readonly ModelFile[]): SqlSource[] {
  return models.map((model) => ({
    file: model.path,
    statements: [...model.statements, ...model.skipped].sort((a, b) => a.line - b.line),
  }));
}

/** The up sections of committed migrations, named by their path. */
export function migrationSources(migrationsDir: string, migrations: readonly MigrationFile[]): SqlSource[] {
  return migrations.map((migration) => ({
    file: join(migrationsDir, migration.fileName),
    statements: statementsOf(migration, 'up'),
  }));
}

/** Each object with the statement that declared it: the first in the models, the latest in migrations. */
export function locateUnsupported(
  objects: readonly UnsupportedObject[],
  side: LocatedUnsupported['side'],
  sources: readonly SqlSource[],
): LocatedUnsupported[] {
  if (objects.length === 0) return [];
  const statements = declaringStatements(sources);
  return objects.map((object) => {
    const location = locate(object, statements, side === 'models' ? 'first' : 'last');
    return location ? { object, side, location } : { object, side };
  });
}

/**
 * Stops generation (before any diff) when either schema holds something no kind manages: a diff
 * would not see it, and "no changes" would hide it.
 */
export function assertNothingUnsupported(
  desired: Catalog,
  current: Catalog,
  models: readonly ModelFile[],
  migrations: readonly SqlSource[],
): void {
  const found = [
    ...locateUnsupported(desired.unsupported, 'models', modelSources(models)),
    ...locateUnsupported(current.unsupported, 'migrations', migrations),
  ];
  if (found.length > 0) throw new PgSchemaError('UNSUPPORTED_OBJECT', unsupportedMessage(found));
}
