import type { TargetConfiguration } from '@nx/devkit';
import type { MigrateConfig } from '../config/migrate-config.js';

/**
 * The inferred targets of one service. Inputs are the service's config, models and migrations plus
 * the engine's code; migrate-generate outputs name migration files by glob (never the folder: a
 * cache restore must not remove a hand-written migration); migrate-clean is never cached.
 */
export function migrateTargets(
  config: MigrateConfig,
  engine: Array<string | { externalDependencies: string[] }>,
): Record<string, TargetConfiguration> {
  const inputs = [
    '{projectRoot}/migrate.config.json',
    `{projectRoot}/${config.models}/**/*.sql`,
    `{projectRoot}/${config.migrations}/**/*`,
    ...engine,
    { env: 'MIGRATE_SHADOW_URL' },
  ];
  const technologies = ['postgresql'];
  return {
    'migrate-generate': {
      executor: '@bakery-ia/nx-migrate:generate',
      cache: true,
      inputs,
      outputs: [
        `{projectRoot}/${config.migrations}/*.sql`,
        `{projectRoot}/${config.migrations}/migrations.sum`,
      ],
      options: {},
      metadata: {
        technologies,
        description: `Write the next migration of ${config.service} from its models (diffed in a shadow database; "no changes" writes nothing)`,
        help: {
          command: `npx nx run ${config.service}:migrate-generate --help`,
          example: { options: { name: 'add_loyalty_points' } },
        },
      },
    },
    'migrate-verify': {
      executor: '@bakery-ia/nx-migrate:verify',
      cache: true,
      inputs,
      options: { failOn: config.lint.failOn, failOnHazard: config.lint.failOnHazard },
      metadata: {
        technologies,
        description: `CI gate for ${config.service}: migrations apply on a fresh database, equal the models, round-trip down, pass lint`,
        help: {
          command: `npx nx run ${config.service}:migrate-verify --help`,
          example: { options: { outputFormat: 'junit', outputFile: 'migrate-verify.xml' } },
        },
      },
    },
    // A live database is not an input Nx can hash: its comparison is a target of its own, never cached.
    'migrate-verify-live': {
      executor: '@bakery-ia/nx-migrate:verify',
      cache: false,
      options: { failOn: config.lint.failOn, failOnHazard: config.lint.failOnHazard, live: true },
      metadata: {
        technologies,
        description: `Compare the ${config.service} database (${config.databaseUrlEnv}, --database-url or --k8s) with the migrations: applied checksums, unknown versions, drift; plus every migrate-verify check`,
        help: {
          command: `npx nx run ${config.service}:migrate-verify-live --help`,
          example: { options: { k8s: true } },
        },
      },
    },
    'migrate-docs': {
      executor: '@bakery-ia/nx-migrate:docs',
      cache: true,
      inputs: inputs.filter((input) => typeof input !== 'string' || !input.includes(config.migrations)),
      outputs: [`{workspaceRoot}/docs/schema/${config.service}.md`],
      options: {},
      metadata: {
        technologies,
        description: `Write docs/schema/${config.service}.md from the ${config.service} models: tables, keys, indexes and a Mermaid ER diagram`,
        help: { command: `npx nx run ${config.service}:migrate-docs --help`, example: { options: {} } },
      },
    },
    'migrate-clean': {
      executor: '@bakery-ia/nx-migrate:clean',
      cache: false,
      options: {},
      metadata: {
        technologies,
        description: `Wipe the ${config.service} development database (${config.databaseUrlEnv}, or --k8s); asks first, refuses production and every other protected environment`,
        help: {
          command: `npx nx run ${config.service}:migrate-clean --help`,
          example: { options: { yes: true, dryRun: true } },
        },
      },
    },
  };
}
