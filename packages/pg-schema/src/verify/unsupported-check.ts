import { statementsOf, type MigrationFile, type ModelFile } from '@bakery-ia/init-manager';
import type { Catalog } from '../catalog/catalog.js';
import { locateUnsupported, modelSources } from '../completeness/check-unsupported.js';
import { unsupportedFix, type LocatedUnsupported } from '../completeness/unsupported-message.js';
import { describeUnsupported } from '../completeness/unsupported.js';
import type { VerifyProblem } from './verify-report.js';

/**
 * verify's "nothing unseen" check: what the models' schema holds that no kind manages, found at
 * its models statement, and what each migration adds of that kind (`states[i + 1]` is the
 * catalog after migrations[i]), found at its statement in that migration.
 */
export function unsupportedProblems(
  desired: Catalog,
  states: readonly Catalog[],
  migrations: readonly MigrationFile[],
  models: readonly ModelFile[],
): VerifyProblem[] {
  const found = locateUnsupported(desired.unsupported, 'models', modelSources(models))
    .map((item) => problem(item, item.location?.file, item.location?.line))
    .sort((a, b) =>
      a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : (a.file ?? '') < (b.file ?? '') ? -1 : 1,
    );
  for (let i = 0; i + 1 < states.length && i < migrations.length; i++) {
    const before = new Set(states[i].unsupported.map(describeUnsupported));
    const added = states[i + 1].unsupported.filter((object) => !before.has(describeUnsupported(object)));
    const migration = migrations[i];
    const sources = [{ file: migration.fileName, statements: statementsOf(migration, 'up') }];
    for (const item of locateUnsupported(added, 'migrations', sources))
      found.push(problem(item, migration.fileName, item.location?.line ?? migration.up[0]?.line));
  }
  return found;
}

function problem(
  item: LocatedUnsupported,
  file: string | undefined,
  line: number | undefined,
): VerifyProblem {
  return {
    ...(file ? { file } : {}),
    ...(line ? { line } : {}),
    message: `${describeUnsupported(item.object)}: pg-schema does not manage it, so migrations leave it out`,
    fix: unsupportedFix(item),
  };
}
