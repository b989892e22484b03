/** The files of a new service, as text: config, starter models, package, startup code. */
export interface ServiceSpec {
  name: string;
  /** Folder relative to the workspace root, e.g. services/loyalty. */
  directory: string;
  schemas: string[];
  /** Relative path from the service folder to the workspace root. */
  toRoot: string;
}

export function databaseUrlEnv(name: string): string {
  return `${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_DATABASE_URL`;
}

export function serviceFiles(spec: ServiceSpec): Record<string, string> {
  const table = spec.name.replace(/-/g, '_');
  const schema = spec.schemas[0];
  const qualified = schema === 'public' ? `${table}_items` : `${schema}.${table}_items`;
  return {
    'migrate.config.json': json({
      $schema: `${spec.toRoot}/packages/nx-migrate/migrate.config.schema.json`,
      service: spec.name,
      models: 'models',
      migrations: 'migrations',
      schemas: spec.schemas,
      databaseUrlEnv: databaseUrlEnv(spec.name),
    }),
    'models/01_tables.sql': [
      `-- Models of the ${spec.name} service: the schema it wants, as plain SQL, applied in file-name order.`,
      `-- Change them, then run: nx run ${spec.name}:migrate-generate --name=<what_changed>`,
      ...spec.schemas.filter((s) => s !== 'public').map((s) => `CREATE SCHEMA ${s};`),
      '',
      `CREATE TABLE ${qualified} (`,
      '    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),',
      '    tenant_id uuid NOT NULL,',
      '    name text NOT NULL,',
      '    created_at timestamptz NOT NULL DEFAULT now()',
      ');',
      '',
    ].join('\n'),
    'migrations/.gitkeep': '',
    'package.json': json({
      name: `@bakery-ia/${spec.name}-service`,
      version: '0.0.0',
      private: true,
      description: `The ${spec.name} service of the bakery platform.`,
      main: 'dist/main.js',
      scripts: {
        build: 'tsc -p tsconfig.json',
        serve: 'tsc -p tsconfig.json && node dist/main.js',
        migrate: 'tsc -p tsconfig.json && node dist/migrate.js',
      },
      dependencies: { '@bakery-ia/init-manager': '0.1.0', pg: '^8.23.1' },
      nx: { name: spec.name },
    }),
    'tsconfig.json': json({
      extends: `${spec.toRoot}/tsconfig.base.json`,
      compilerOptions: { rootDir: 'src', outDir: 'dist', declaration: false, sourceMap: false },
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.spec.ts'],
      references: [{ path: `${spec.toRoot}/packages/init-manager` }],
    }),
    'src/database.ts': databaseTs(spec),
    'src/migrate.ts': migrateTs(spec),
    'src/main.ts': mainTs(spec),
  };
}

function databaseTs(spec: ServiceSpec): string {
  return `import { join } from 'node:path';
import { initializeServiceDatabase, type InitializeResult } from '@bakery-ia/init-manager';

const SERVICE_ROOT = join(__dirname, '..');

/** The service's database URL: DATABASE_URL in a container, ${databaseUrlEnv(spec.name)} on a developer machine. */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL ?? process.env.${databaseUrlEnv(spec.name)};
  if (!url) throw new Error('${spec.name}: set DATABASE_URL (or ${databaseUrlEnv(spec.name)}) to the service database URL.');
  return url;
}

/** Brings the database to the latest migration (development without migrations: from the models). */
export function migrateDatabase(): Promise<InitializeResult> {
  return initializeServiceDatabase({
    service: '${spec.name}',
    databaseUrl: databaseUrl(),
    migrationDatabaseUrl: process.env.MIGRATION_DATABASE_URL,
    migrationsDir: join(SERVICE_ROOT, 'migrations'),
    modelsDir: join(SERVICE_ROOT, 'models'),
    schemas: ${JSON.stringify(spec.schemas)},
  });
}
`;
}

function migrateTs(spec: ServiceSpec): string {
  return `// Applies the ${spec.name} migrations and exits: the Kubernetes migration Job / initContainer runs this.
import { migrateDatabase } from './database';

migrateDatabase().then(
  (result) => console.log(\`${spec.name}: \${result.mode}, \${result.applied.length} applied, \${result.skipped} already applied\`),
  (error: Error) => {
    console.error(\`${spec.name}: \${error.message}\`);
    process.exitCode = 1;
  },
);
`;
}

function mainTs(spec: ServiceSpec): string {
  return `// The ${spec.name} service: brings its database to the latest migration, then answers /healthz.
import { createServer } from 'node:http';
import { migrateDatabase } from './database';

async function main(): Promise<void> {
  const result = await migrateDatabase();
  console.log(\`${spec.name}: database \${result.mode} (\${result.applied.length} applied, \${result.skipped} already) in \${result.durationMs} ms\`);
  if (process.argv.includes('--once')) return;
  const port = Number(process.env.PORT ?? 8000);
  createServer((request, response) => {
    const healthy = request.url === '/healthz';
    response.writeHead(healthy ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(healthy ? { service: '${spec.name}', status: 'ok' } : { error: 'not found' }));
  }).listen(port, () => console.log(\`${spec.name}: listening on :\${port}\`));
}

main().catch((error: Error) => {
  console.error(\`${spec.name}: \${error.message}\`);
  process.exitCode = 1;
});
`;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
