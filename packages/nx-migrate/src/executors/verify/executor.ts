import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { formatVerifyJunit, formatVerifyText, PgSchemaError, verifyMigrations } from '@bakery-ia/pg-schema';
import { reportError } from '../../output/report-error.js';
import { runPreflightIfAsked } from '../../preflight/run-preflight.js';
import { openTargetDatabase, type TargetDatabase } from '../../target/target-database.js';
import { serviceContext, shadowUrlOf } from '../project-context.js';
import { validateOptions } from '../validate-options.js';
import type { VerifyExecutorOptions } from './schema.js';

const KNOWN = [
  'live',
  'outputFormat',
  'outputFile',
  'failOn',
  'failOnHazard',
  'databaseUrl',
  'databaseUrlEnv',
  'k8s',
  'kubeconfig',
  'context',
  'shadowUrl',
  'shadowUrlEnv',
  'roundTrip',
  'preflight',
  'ignorePreflight',
];

export default async function verifyExecutor(
  options: VerifyExecutorOptions,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  const target = `${context.projectName}:${context.targetName ?? 'migrate-verify'}`;
  let live: TargetDatabase | undefined;
  try {
    validateOptions(options, KNOWN, target);
    const service = serviceContext(context);
    // A cached target must never read a live database: a cache hit would replay an old answer.
    const cached =
      context.projectsConfigurations?.projects[context.projectName as string]?.targets?.[
        context.targetName as string
      ]?.cache;
    if (options.live && cached) {
      throw new PgSchemaError(
        'USAGE',
        `--live is for the migrate-verify-live target, which is never cached: run nx run ${service.project}:migrate-verify-live.`,
      );
    }
    if ((options.databaseUrl || options.databaseUrlEnv || options.k8s) && !options.live) {
      throw new PgSchemaError(
        'USAGE',
        `a live database cannot be part of a cached target: run nx run ${service.project}:migrate-verify-live ` +
          `${options.k8s ? '--k8s' : `(with ${service.config.databaseUrlEnv} set)`} instead.`,
      );
    }
    if (options.live) {
      live = await openTargetDatabase(service, {
        databaseUrl: options.databaseUrl,
        databaseUrlEnv: options.databaseUrlEnv,
        k8s: options.k8s,
        kubeconfig: options.kubeconfig,
        context: options.context,
      });
    }
    const preflightOk = await runPreflightIfAsked(service, options, {
      database: live?.url || false,
      kube: live?.kubeChecks,
      always: options.k8s,
    });
    if (!preflightOk || (live && !live.url)) return { success: false };
    const report = await verifyMigrations({
      modelsDir: service.modelsDir,
      migrationsDir: service.migrationsDir,
      shadowUrl: shadowUrlOf(options),
      schemas: service.config.schemas,
      privileges: service.config.managePrivileges,
      ignoreObjects: service.config.ignoreObjects,
      failOn: options.failOn ?? service.config.lint.failOn,
      failOnHazard: options.failOnHazard ?? service.config.lint.failOnHazard,
      databaseUrl: live?.url,
      roundTrip: options.roundTrip !== false,
    });
    const label = `${service.project} (${service.display.migrations})`;
    const format = options.outputFormat ?? 'text';
    const text =
      format === 'json'
        ? JSON.stringify(report, null, 2) + '\n'
        : format === 'junit'
          ? formatVerifyJunit(report, service.project)
          : formatVerifyText(report, label);
    if (options.outputFile) {
      const file = join(context.root, options.outputFile);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      process.stdout.write(formatVerifyText(report, label));
      console.log(`Report written to ${options.outputFile}`);
    } else {
      process.stdout.write(text);
    }
    if (!report.ok)
      console.error(
        `Fix the failures above, then run: ${rerunCommand(`${service.project}:${context.targetName ?? 'migrate-verify'}`, options, service.config.lint.failOn)}`,
      );
    return { success: report.ok };
  } catch (error) {
    reportError(target, error);
    return { success: false };
  } finally {
    await live?.close();
  }
}

/**
 * The command that checks the same things again: the options that change what is checked, never a
 * URL (its value may hold a password; the -env forms name a variable and are kept).
 */
export function rerunCommand(target: string, options: VerifyExecutorOptions, configFailOn: string): string {
  const flags = [
    options.failOn && options.failOn !== configFailOn && `--fail-on=${options.failOn}`,
    options.roundTrip === false && '--no-round-trip',
    options.k8s && '--k8s',
    options.context && `--context=${options.context}`,
    options.kubeconfig && `--kubeconfig=${options.kubeconfig}`,
    options.databaseUrlEnv && `--database-url-env=${options.databaseUrlEnv}`,
    options.shadowUrlEnv && `--shadow-url-env=${options.shadowUrlEnv}`,
  ].filter((flag): flag is string => typeof flag === 'string');
  return ['nx run', target, ...flags].join(' ');
}
