import { join } from 'node:path';
import { initializeServiceDatabase, type InitializeResult } from '@bakery-ia/init-manager';

const SERVICE_ROOT = join(__dirname, '..');

/** The service's database URL: DATABASE_URL in a container, FORECASTING_DATABASE_URL on a developer machine. */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL ?? process.env.FORECASTING_DATABASE_URL;
  if (!url)
    throw new Error(
      'forecasting: set DATABASE_URL (or FORECASTING_DATABASE_URL) to the service database URL.',
    );
  return url;
}

/** Brings the database to the latest migration (development without migrations: from the models). */
export function migrateDatabase(): Promise<InitializeResult> {
  return initializeServiceDatabase({
    service: 'forecasting',
    databaseUrl: databaseUrl(),
    migrationDatabaseUrl: process.env.MIGRATION_DATABASE_URL,
    migrationsDir: join(SERVICE_ROOT, 'migrations'),
    modelsDir: join(SERVICE_ROOT, 'models'),
    schemas: ['public'],
  });
}
