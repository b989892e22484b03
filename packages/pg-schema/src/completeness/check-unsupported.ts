import { join } from 'node:path';
import { statementsOf, type MigrationFile, type ModelFile, type SqlStatement } from '@bakery-ia/init-manager';
import type { Catalog } from '../catalog/catalog.js';
import { PgSchemaError } from '../errors.js';
import { OBJECT_KINDS } from '../objects/registry.js';
import { declaringStatements, locate, type SourceLocation } from './locate.js';
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

/** A GRANT, REVOKE or ALTER DEFAULT PRIVILEGES of the models that was not run. */
export interface SkippedGrant extends SourceLocation {
  sql: string;
}

/**
 * The models' privilege statements init-manager skips (never run, so never in a schema), while no
 * kind manages privileges: they would be lost without a word. Ownership (OWNER TO) stays out by
 * design and is not reported.
 */
export function skippedGrants(models: readonly ModelFile[]): SkippedGrant[] {
  if (OBJECT_KINDS.some((kind) => kind.privilegesOf)) return [];
  return models.flatMap((model) =>
    model.skipped
      .filter(
        (statement) => statement.kind === 'GrantStmt' || statement.kind === 'AlterDefaultPrivilegesStmt',
      )
      .map((statement) => ({ file: model.path, line: statement.line, sql: statement.sql })),
  );
}

/**
 * Stops generation (before any diff) when either schema holds something no kind manages, or the
 * models hold privilege statements that were skipped: a diff would not see them, and "no
 * changes" would hide them.
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
  const grants = skippedGrants(models);
  if (found.length > 0 || grants.length > 0)
    throw new PgSchemaError('UNSUPPORTED_OBJECT', unsupportedMessage(found, grants));
}
