import type { ExecutorContext } from '@nx/devkit';
import {
  describeChange,
  describeFinding,
  describeStatementHazards,
  generateMigration,
  planMigration,
  renderMigrationText,
  unusedUsingNote,
} from '@bakery-ia/pg-schema';
import { validateOptions } from '../validate-options.js';
import { reportError } from '../../output/report-error.js';
import { serviceContext, shadowUrlOf } from '../project-context.js';
import { runPreflightIfAsked } from '../../preflight/run-preflight.js';
import type { GenerateExecutorOptions } from './schema.js';

const KNOWN = ['name', 'dryRun', 'check', 'shadowUrl', 'shadowUrlEnv', 'preflight', 'ignorePreflight'];

export default async function generateExecutor(
  options: GenerateExecutorOptions,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  const target = `${context.projectName}:migrate-generate`;
  try {
    validateOptions(options, KNOWN, target);
    const service = serviceContext(context);
    if (!(await runPreflightIfAsked(service, options, { database: false }))) return { success: false };
    const planOptions = {
      modelsDir: service.modelsDir,
      migrationsDir: service.migrationsDir,
      shadowUrl: shadowUrlOf(options),
      schemas: service.config.schemas,
      privileges: service.config.managePrivileges,
      ignoreObjects: service.config.ignoreObjects,
      online: service.config.online,
      lockTimeout: service.config.lockTimeout,
    };
    if (options.check) {
      const plan = await planMigration(planOptions);
      if (plan.empty) {
        console.log(`${service.project}: models and migrations agree.`);
        return { success: true };
      }
      console.error(`${service.project}: the models changed without a migration:`);
      for (const change of plan.changes) console.error(`  ${describeChange(change)}`);
      console.error(`Run: nx run ${service.project}:migrate-generate --name=<what_changed>`);
      return { success: false };
    }
    const result = await generateMigration({
      ...planOptions,
      name: options.name,
      dryRun: options.dryRun,
      onLockWait: (message) => console.error(`${target}: ${message}`),
    });
    for (const hint of result.plan.staleHints) {
      console.log(
        `note: ${hint.where}: @renamed-from ${hint.from} is already applied by a migration; you can remove it.`,
      );
    }
    for (const hint of result.plan.unusedUsingHints) console.log(unusedUsingNote(hint));
    if (result.status === 'no-changes') {
      console.log(
        `${service.project}: no changes; the migrations already build the models. Nothing written.`,
      );
      return { success: true };
    }
    if (result.status === 'dry-run') {
      console.log(`-- ${service.display.migrations}/${result.fileName} (dry run: nothing written)`);
      console.log(renderMigrationText(result.plan));
      return { success: true };
    }
    console.log(
      `${service.project}: wrote ${service.display.migrations}/${result.fileName} and migrations.sum`,
    );
    for (const change of result.plan.changes) console.log(`  ${describeChange(change)}`);
    for (const finding of result.plan.lint) console.log(`  lint ${describeFinding(finding)}`);
    for (const statement of result.plan.hazards)
      console.log(`  hazard ${describeStatementHazards(statement)}`);
    console.log(`Review it, then run: nx run ${service.project}:migrate-verify`);
    return { success: true };
  } catch (error) {
    reportError(target, error);
    return { success: false };
  }
}
