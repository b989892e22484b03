import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, primaryTestServer } from '@bakery-ia/test-db';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const SERVICES = readdirSync(__dirname, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/**
 * Every service starts the way it does in production: compiled JavaScript calling
 * initializeServiceDatabase, which applies all its committed migrations to an empty database,
 * then reports "up to date" on the next start.
 */
describe('service startup through init-manager', () => {
  beforeAll(async () => {
    for (const service of SERVICES) {
      await run(
        process.execPath,
        [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(__dirname, service)],
        { cwd: ROOT },
      );
    }
  }, 300_000);

  it.each(SERVICES)(
    '%s applies its migrations, then is up to date',
    async (service) => {
      const db = await createTestDatabase(primaryTestServer(), 'svc');
      try {
        const migrations = readdirSync(join(__dirname, service, 'migrations')).filter((f) =>
          f.endsWith('.sql'),
        ).length;
        const env = { ...process.env, DATABASE_URL: db.url, ENVIRONMENT: 'production' };
        const main = join(__dirname, service, 'dist', 'main.js');
        const first = await run(process.execPath, [main, '--once'], { env });
        expect(first.stdout).toContain(`${service}: database migrations (${migrations} applied, 0 already)`);
        const second = await run(process.execPath, [main, '--once'], { env });
        expect(second.stdout).toContain(`${service}: database up-to-date (0 applied, ${migrations} already)`);
      } finally {
        await db.drop();
      }
    },
    60_000,
  );
});
