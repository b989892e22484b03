import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { writeFileAtomic } from '@bakery-ia/init-manager';
import { describeModels, renderSchemaDocs } from '@bakery-ia/pg-schema';
import { reportError } from '../../output/report-error.js';
import { serviceContext, shadowUrlOf } from '../project-context.js';
import { validateOptions } from '../validate-options.js';
import type { DocsExecutorOptions } from './schema.js';

export default async function docsExecutor(
  options: DocsExecutorOptions,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  const target = `${context.projectName}:migrate-docs`;
  try {
    validateOptions(options, ['outputFile', 'shadowUrl', 'shadowUrlEnv'], target);
    const service = serviceContext(context);
    const catalog = await describeModels({
      modelsDir: service.modelsDir,
      shadowUrl: shadowUrlOf(options),
      schemas: service.config.schemas,
      privileges: service.config.managePrivileges,
    });
    const relative = options.outputFile ?? `docs/schema/${service.config.service}.md`;
    const file = join(context.root, relative);
    mkdirSync(dirname(file), { recursive: true });
    writeFileAtomic(file, renderSchemaDocs(catalog, `The ${service.config.service} service schema`));
    console.log(`${service.project}: wrote ${relative}`);
    return { success: true };
  } catch (error) {
    reportError(target, error);
    return { success: false };
  }
}
