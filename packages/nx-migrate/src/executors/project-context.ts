import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { readMigrateConfig, type MigrateConfig } from '../config/migrate-config.js';
import { resolveUrlOption } from './url-options.js';

export interface ServiceContext {
  project: string;
  /** Absolute path of the project folder. */
  root: string;
  config: MigrateConfig;
  modelsDir: string;
  migrationsDir: string;
  /** Paths as the user sees them (relative to the workspace), for messages. */
  display: { models: string; migrations: string };
}

/** The service an executor runs for: its folder and its validated migrate.config.json. */
export function serviceContext(context: ExecutorContext): ServiceContext {
  const project = context.projectName as string;
  const projectRoot = context.projectsConfigurations?.projects[project]?.root ?? '.';
  const root = join(context.root, projectRoot);
  const file = join(root, 'migrate.config.json');
  if (!existsSync(file))
    throw new Error(`${projectRoot}/migrate.config.json does not exist: the migrate targets need it.`);
  const config = readMigrateConfig(file);
  return {
    project,
    root,
    config,
    modelsDir: join(root, config.models),
    migrationsDir: join(root, config.migrations),
    display: { models: `${projectRoot}/${config.models}`, migrations: `${projectRoot}/${config.migrations}` },
  };
}

/**
 * The shadow server: --shadow-url or the variable --shadow-url-env names, else MIGRATE_SHADOW_URL,
 * else none (the embedded server).
 */
export function shadowUrlOf(options: { shadowUrl?: string; shadowUrlEnv?: string }): string | undefined {
  const given = resolveUrlOption({
    flag: 'shadow-url',
    url: options.shadowUrl,
    envName: options.shadowUrlEnv,
    suggestedEnv: 'MIGRATE_SHADOW_URL',
  });
  return given || process.env.MIGRATE_SHADOW_URL || undefined;
}
