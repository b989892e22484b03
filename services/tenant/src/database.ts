import { join } from 'node:path';
import { initializeServiceDatabase, type InitializeResult } from '@bakery-ia/init-manager';

const SERVICE_ROOT = join(__dirname, '..');

/** The service's database URL: DATABASE_URL in a container, TENANT_DATABASE_URL on a developer machine. */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL ?? process.env.TENANT_DATABASE_URL;
  if (!url) throw new Error('tenant: set DATABASE_URL (or TENANT_DATABASE_URL) to the service database URL.');
  return url;
}

/** Brings the database to the latest migration (development without migrations: from the models). */
export function migrateDatabase(): Promise<InitializeResult> {
  return initializeServiceDatabase({
    service: 'tenant',
    databaseUrl: databaseUrl(),
    migrationDatabaseUrl: process.env.MIGRATION_DATABASE_URL,
    migrationsDir: join(SERVICE_ROOT, 'migrations'),
    modelsDir: join(SERVICE_ROOT, 'models'),
    schemas: ['public'],
  });
}
