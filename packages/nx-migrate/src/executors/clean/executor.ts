import type { ExecutorContext } from '@nx/devkit';
import { cleanDatabase } from '../../clean/clean-database.js';
import { processTerminal, type Terminal } from '../../clean/confirm.js';
import { reportError } from '../../output/report-error.js';
import { runPreflightIfAsked } from '../../preflight/run-preflight.js';
import { openTargetDatabase, type TargetDatabase } from '../../target/target-database.js';
import { serviceContext } from '../project-context.js';
import { validateOptions } from '../validate-options.js';
import type { CleanExecutorOptions } from './schema.js';

const KNOWN = [
  'yes',
  'dryRun',
  'databaseUrl',
  'databaseUrlEnv',
  'k8s',
  'kubeconfig',
  'context',
  'allowProduction',
  'preflight',
  'ignorePreflight',
];

export default async function cleanExecutor(
  options: CleanExecutorOptions,
  context: ExecutorContext,
  terminal: Terminal = processTerminal(),
): Promise<{ success: boolean }> {
  const target = `${context.projectName}:migrate-clean`;
  let database: TargetDatabase | undefined;
  try {
    validateOptions(options, KNOWN, target);
    const service = serviceContext(context);
    database = await openTargetDatabase(service, options);
    const preflightOk = await runPreflightIfAsked(service, options, {
      database: database.url || false,
      kube: database.kubeChecks,
      always: options.k8s,
    });
    if (!preflightOk || !database.url) {
      console.error(`${service.project}: not cleaned.`);
      return { success: false };
    }
    const outcome = await cleanDatabase({
      service: service.project,
      url: database.url,
      label: database.label,
      schemas: service.config.schemas,
      environment: database.environment,
      environmentSource: database.environmentSource,
      yes: options.yes,
      dryRun: options.dryRun,
      allowProduction: options.allowProduction,
      terminal,
      log: (line) => console.log(line),
    });
    switch (outcome.status) {
      case 'cleaned':
        console.log(
          `${service.project}: cleaned (${outcome.path === 'drop-schema' ? 'schemas dropped and recreated' : 'objects dropped one by one'}); the schemas are empty.`,
        );
        console.log(`Next: start the service to apply its migrations, or nx run ${service.project}:serve`);
        return { success: true };
      case 'dry-run':
      case 'already-empty':
        return { success: true };
      case 'refused':
        console.error(`${service.project}: refused: ${outcome.reason}`);
        return { success: false };
      case 'failed':
        console.error(`${service.project}: failed: ${outcome.reason}`);
        return { success: false };
    }
    return { success: false };
  } catch (error) {
    reportError(target, error);
    return { success: false };
  } finally {
    await database?.close();
  }
}
