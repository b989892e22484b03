import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeMigrationsSum } from '@bakery-ia/init-manager';
import { primaryTestServer } from '@bakery-ia/test-db';
import pg from 'pg';
import { verifyMigrations } from '../src/index';

/** managePrivileges: false / --no-privileges: the models' grants are neither applied nor compared. */
describe('privileges opted out', () => {
  it('verifies models whose grants the migrations lack, and creates no role for them', async () => {
    const role = `opt_out_${randomBytes(4).toString('hex')}`;
    const root = mkdtempSync(join(tmpdir(), 'opt-out-'));
    const [modelsDir, migrationsDir] = [join(root, 'models'), join(root, 'migrations')];
    mkdirSync(modelsDir);
    mkdirSync(migrationsDir);
    writeFileSync(
      join(modelsDir, '01.sql'),
      `CREATE TABLE t (a int);\nGRANT SELECT ON t TO ${role};\nALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO ${role};\n`,
    );
    writeFileSync(
      join(migrationsDir, '0001_initial.sql'),
      '-- migrate:up\nCREATE TABLE public.t (a integer);\n\n-- migrate:down\nDROP TABLE public.t;\n',
    );
    writeMigrationsSum(migrationsDir);
    const shadowUrl = primaryTestServer().url;
    try {
      const off = await verifyMigrations({ modelsDir, migrationsDir, shadowUrl, privileges: false });
      expect(off.checks.map((check) => `${check.id}: ${check.status}`)).toContain('drift: passed');
      expect(off.ok).toBe(true);
      const on = await verifyMigrations({ modelsDir, migrationsDir, shadowUrl });
      const drift = on.checks.find((check) => check.id === 'drift');
      expect(drift?.status).toBe('failed');
      expect(drift?.problems[0].message).toContain(
        `~ table public.t privileges of ${role}: (none) -> SELECT`,
      );
      expect(drift?.problems[0].message).toContain(
        `~ default-privileges (owner).*.tables privileges of ${role}: (none) -> SELECT`,
      );
      const client = new pg.Client({ connectionString: shadowUrl });
      await client.connect();
      const { rows } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      await client.end();
      expect(rows).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
