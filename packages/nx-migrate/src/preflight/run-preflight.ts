import type { ServiceContext } from '../executors/project-context.js';
import type { PreflightCheck } from '../kubernetes/index.js';
import { databaseCheck, folderChecks } from './local-checks.js';
import { formatPreflight, hasFailure } from './print-preflight.js';

export interface PreflightOptions {
  preflight?: boolean;
  ignorePreflight?: boolean;
}

/**
 * Runs and prints the pre-flight checks when asked (`--preflight`) or required (`always`, before
 * Kubernetes work). Returns false when a check failed and `--ignore-preflight` was not given.
 */
export async function runPreflightIfAsked(
  service: ServiceContext,
  options: PreflightOptions,
  extra: { database: string | false; kube?: PreflightCheck[]; always?: boolean },
): Promise<boolean> {
  if (!options.preflight && !extra.always) return true;
  const checks = [...(extra.kube ?? []), ...folderChecks(service)];
  if (extra.database) checks.push(await databaseCheck(extra.database));
  console.log(formatPreflight(checks));
  if (!hasFailure(checks)) return true;
  if (options.ignorePreflight) {
    console.log('A pre-flight check failed; going on because of --ignore-preflight.');
    return true;
  }
  console.error(
    'A pre-flight check failed: nothing was done. Fix it, or pass --ignore-preflight to go on anyway.',
  );
  return false;
}
