import { existsSync, readdirSync, statfsSync } from 'node:fs';
import pg from 'pg';
import { describeDatabaseUrl, maskSecrets } from '@bakery-ia/init-manager';
import type { PreflightCheck } from '../kubernetes/index.js';
import type { ServiceContext } from '../executors/project-context.js';

const MIN_FREE_BYTES = 50 * 1024 * 1024;
const LOW_FREE_BYTES = 500 * 1024 * 1024;

/** Models and migrations folders present, free disk in the working folder. */
export function folderChecks(service: ServiceContext): PreflightCheck[] {
  const count = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.sql')).length;
  const checks: PreflightCheck[] = [];
  checks.push(
    existsSync(service.modelsDir)
      ? {
          name: 'models folder',
          status: count(service.modelsDir) ? 'ok' : 'failure',
          detail: `${service.display.models} (${count(service.modelsDir)} .sql file(s))`,
        }
      : { name: 'models folder', status: 'failure', detail: `${service.display.models} does not exist` },
  );
  checks.push(
    existsSync(service.migrationsDir)
      ? {
          name: 'migrations folder',
          status: 'ok',
          detail: `${service.display.migrations} (${count(service.migrationsDir)} migration(s))`,
        }
      : {
          name: 'migrations folder',
          status: 'warning',
          detail: `${service.display.migrations} does not exist yet (migrate-generate creates it)`,
        },
  );
  try {
    const stats = statfsSync(service.root);
    const free = stats.bavail * stats.bsize;
    const mib = Math.round(free / 1024 / 1024);
    const status = free < MIN_FREE_BYTES ? 'failure' : free < LOW_FREE_BYTES ? 'warning' : 'ok';
    checks.push({
      name: 'free disk',
      status,
      detail: `${mib} MiB free in ${service.display.migrations.split('/').slice(0, -1).join('/') || '.'}`,
    });
  } catch (error) {
    checks.push({
      name: 'free disk',
      status: 'warning',
      detail: `could not read: ${(error as Error).message}`,
    });
  }
  return checks;
}

/** The target database answers, and which server version it runs. */
export async function databaseCheck(url: string): Promise<PreflightCheck> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    return {
      name: 'database',
      status: 'ok',
      detail: `${describeDatabaseUrl(url)} answers (PostgreSQL ${rows[0].v.split(' ')[0]})`,
    };
  } catch (error) {
    return {
      name: 'database',
      status: 'failure',
      detail: `${describeDatabaseUrl(url)}: ${maskSecrets((error as Error).message)}`,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}
