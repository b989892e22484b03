import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, primaryTestServer } from '@bakery-ia/test-db';
import { cachedTasks, executedTasks, TempWorkspace } from './support/temp-workspace';

const MODEL = (table: string, extra = '') =>
  `CREATE TABLE ${table} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL${extra});\n`;

/**
 * End to end through the real nx binary: inferred targets, caching of migrate-generate, affected
 * selection of migrate-verify, and a failing verify for each kind of broken history.
 */
describe('nx-migrate in a workspace of three services', () => {
  let ws: TempWorkspace;
  beforeAll(() => {
    ws = new TempWorkspace({ MIGRATE_SHADOW_URL: primaryTestServer().url });
    ws.addService('alpha', MODEL('alpha_items'));
    ws.addService('beta', MODEL('beta_items'));
    ws.addService('gamma', MODEL('gamma_items'));
    // A first commit before any nx run: Nx hashes differently in a repository without HEAD.
    ws.commit('scaffold');
  });
  afterAll(() => ws.remove());

  it('shows the three targets with descriptions', () => {
    const result = ws.nx('show', 'project', 'alpha', '--json');
    const project = JSON.parse(
      result.output.slice(result.output.indexOf('{'), result.output.lastIndexOf('}') + 1),
    );
    expect(Object.keys(project.targets).sort()).toEqual([
      'migrate-clean',
      'migrate-docs',
      'migrate-generate',
      'migrate-verify',
      'migrate-verify-live',
    ]);
    expect(project.targets['migrate-generate'].metadata.description).toMatch(
      /Write the next migration of alpha/,
    );
    expect(project.targets['migrate-clean'].cache).toBe(false);
    expect(project.targets['migrate-generate'].outputs).toEqual([
      '{projectRoot}/migrations/*.sql',
      '{projectRoot}/migrations/migrations.sum',
    ]);
  });

  it('generates the first migration of every service, then settles into cache hits', () => {
    const first = ws.nx('run-many', '-t', 'migrate-generate');
    expect(first.status).toBe(0);
    expect(executedTasks(first.output)).toEqual([
      'alpha:migrate-generate',
      'beta:migrate-generate',
      'gamma:migrate-generate',
    ]);
    for (const name of ['alpha', 'beta', 'gamma']) {
      expect(readdirSync(join(ws.root, 'services', name, 'migrations')).sort()).toEqual([
        '0001_initial.sql',
        'migrations.sum',
      ]);
    }
    // The new files are inputs: one more run confirms "no changes", after that everything is cached.
    const second = ws.nx('run-many', '-t', 'migrate-generate');
    expect(second.output).toContain('no changes');
    const third = ws.nx('run-many', '-t', 'migrate-generate');
    expect(executedTasks(third.output)).toEqual([]);
    expect(cachedTasks(third.output)).toHaveLength(3);
    ws.commit('initial migrations');
  });

  it('after one model change runs exactly that service and writes byte-identical output on repeat', () => {
    ws.write(
      'services/beta/models/01_models.sql',
      MODEL('beta_items', ', points integer NOT NULL DEFAULT 0'),
    );
    const run = ws.nx('run-many', '-t', 'migrate-generate');
    expect(run.status).toBe(0);
    expect(executedTasks(run.output)).toEqual(['beta:migrate-generate']);
    const written = ws.read('services/beta/migrations/0002_add_beta_items_points.sql');
    expect(written).toContain('ALTER TABLE public.beta_items ADD COLUMN points integer DEFAULT 0 NOT NULL;');
    // Same inputs, same bytes: remove the file, regenerate, compare.
    ws.git('checkout', '--', 'services/beta/migrations/migrations.sum');
    writeFileSync(join(ws.root, 'services/beta/migrations/0002_add_beta_items_points.sql'), '');
    ws.git('clean', '-fq', 'services/beta/migrations');
    const again = ws.nx('run', 'beta:migrate-generate', '--skip-nx-cache');
    expect(again.status).toBe(0);
    expect(ws.read('services/beta/migrations/0002_add_beta_items_points.sql')).toBe(written);
  });

  it('nx affected -t migrate-verify selects exactly the changed service', () => {
    const affected = ws.nx('show', 'projects', '--affected', '--base=main', '-t', 'migrate-verify');
    expect(
      affected.output
        .trim()
        .split('\n')
        .filter((line) => /^[a-z]+$/.test(line.trim())),
    ).toEqual(['beta']);
    const run = ws.nx('affected', '-t', 'migrate-verify', '--base=main');
    expect(run.status).toBe(0);
    expect(executedTasks(run.output)).toEqual(['beta:migrate-verify']);
    expect(run.output).toContain('All checks passed');
    ws.commit('beta points');
  });

  it('verify passes for all and is then a cache hit', () => {
    const run = ws.nx('run-many', '-t', 'migrate-verify');
    expect(run.status).toBe(0);
    const again = ws.nx('run-many', '-t', 'migrate-verify');
    expect(cachedTasks(again.output)).toHaveLength(3);
  });

  it('a database URL option with a password warns (Nx echoes it); the -env form keeps it out of the output', async () => {
    const db = await createTestDatabase(primaryTestServer(), 'nxsecret');
    const url = new URL(db.url);
    url.password ||= 'hunter2-nx'; // trust authentication ignores it; a server with a password needs its own
    const secret = url.password;
    try {
      const direct = ws.nx('run', 'alpha:migrate-clean', '--dry-run', `--database-url=${url}`);
      expect(direct.status).toBe(0);
      expect(direct.output).toContain(
        'warning: --database-url holds a password: Nx prints task options (the "> nx run ..." line)',
      );
      expect(direct.output).toContain('--database-url-env=ALPHA_DATABASE_URL');
      // Why: Nx itself echoes the option, password included, in its "> nx run" line.
      expect(direct.output).toContain(`> nx run alpha:migrate-clean --dry-run --database-url=${url}`);
      process.env.NX_SECRET_SPEC_URL = url.toString();
      const byName = ws.nx(
        'run',
        'alpha:migrate-clean',
        '--dry-run',
        '--database-url-env=NX_SECRET_SPEC_URL',
      );
      expect(byName.status).toBe(0);
      expect(byName.output).toContain('Dry run: would drop');
      expect(byName.output).not.toContain(secret);
      expect(byName.output).not.toContain('warning:');
    } finally {
      delete process.env.NX_SECRET_SPEC_URL;
      await db.drop();
    }
  });

  describe('a failing verify names the check, the file and the fix', () => {
    afterEach(() => {
      ws.git('checkout', '--', '.');
      ws.git('clean', '-fdq', 'services');
    });

    it('for a hand-emptied migration', () => {
      ws.write(
        'services/alpha/migrations/0001_initial.sql',
        '-- emptied by hand\n-- migrate:up\n\n-- migrate:down\n',
      );
      const run = ws.nx('run', 'alpha:migrate-verify');
      expect(run.status).not.toBe(0);
      expect(run.output).toContain(
        'FAIL every migration is well formed and has statements in its up section',
      );
      expect(run.output).toContain(
        '0001_initial.sql:2: the up section has no statement (an empty migration)',
      );
      expect(run.output).toContain('FAIL migrations.sum matches the files');
    });

    it('for an edited applied migration', () => {
      const text = ws.read('services/gamma/migrations/0001_initial.sql');
      ws.write(
        'services/gamma/migrations/0001_initial.sql',
        text.replace('name text NOT NULL', 'name varchar(10) NOT NULL'),
      );
      const run = ws.nx('run', 'gamma:migrate-verify');
      expect(run.status).not.toBe(0);
      expect(run.output).toContain('0001_initial.sql was edited after it was recorded in migrations.sum');
      expect(run.output).toContain('FAIL the result equals the models');
    });

    it('for a model change without a migration, printing the SQL generate would write', () => {
      ws.write('services/gamma/models/01_models.sql', MODEL('gamma_items', ', note text'));
      const run = ws.nx('run', 'gamma:migrate-verify');
      expect(run.status).not.toBe(0);
      expect(run.output).toContain('FAIL the result equals the models');
      expect(run.output).toContain('+ column public.gamma_items.note');
      expect(run.output).toContain('ALTER TABLE public.gamma_items ADD COLUMN note text;');
      expect(run.output).toContain('run migrate-generate');
    });

    it('for a broken down section', () => {
      ws.write(
        'services/alpha/migrations/0002_extra.sql',
        '-- migrate:up\nCREATE TABLE alpha_extra (id int);\nCREATE INDEX alpha_extra_id ON alpha_extra (id);\n-- migrate:down\nDROP INDEX alpha_extra_id;\n',
      );
      ws.write(
        'services/alpha/models/01_models.sql',
        MODEL('alpha_items') +
          'CREATE TABLE alpha_extra (id int);\nCREATE INDEX alpha_extra_id ON alpha_extra (id);\n',
      );
      expect(ws.nx('run', 'alpha:migrate-verify').output).toContain(
        '0002_extra.sql is not recorded in migrations.sum',
      );
      const hash = ws.bin('pg-schema', 'hash', '--migrations', 'services/alpha/migrations');
      expect(hash.status).toBe(0);
      const run = ws.nx('run', 'alpha:migrate-verify');
      expect(run.status).not.toBe(0);
      expect(run.output).toContain('FAIL each down section returns the schema to the previous state');
      expect(run.output).toContain(
        '0002_extra.sql:4: the down section does not return to the schema before this migration',
      );
      expect(run.output).toContain('DROP TABLE public.alpha_extra;');
    });
  });
});
