import { writeMigrationsSum } from '@bakery-ia/init-manager';
import { primaryTestServer } from '@bakery-ia/test-db';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyMigrations } from './verify-migrations';

/** Hand-written migrations get the lint and the hazards of generated ones. */
describe('verifyMigrations: lint and hazards of a hand-written migration', () => {
  let dir: string;
  const write = (path: string, text: string) => writeFileSync(join(dir, path), text);
  const verify = (
    options: {
      failOn?: 'error' | 'warning' | 'info' | 'none';
      failOnHazard?: 'error' | 'warning' | 'info' | 'none';
    } = {},
  ) =>
    verifyMigrations({
      modelsDir: join(dir, 'models'),
      migrationsDir: join(dir, 'migrations'),
      shadowUrl: primaryTestServer().url,
      roundTrip: false,
      ...options,
    });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pg-schema-verify-'));
    mkdirSync(join(dir, 'models'));
    mkdirSync(join(dir, 'migrations'));
    write(
      'models/01.sql',
      'CREATE TABLE items (id bigint PRIMARY KEY, name text, price numeric(10,2) CHECK (price >= 0));\nCREATE INDEX items_name_idx ON items (name);\n',
    );
    write(
      'migrations/0001_initial.sql',
      '-- migrate:up\nCREATE TABLE items (id bigint PRIMARY KEY, name text, price numeric(10,2));\n\n-- migrate:down\nDROP TABLE items;\n',
    );
    write(
      'migrations/0002_hand_written.sql',
      [
        '-- Written by hand.',
        '-- migrate:up',
        'CREATE INDEX items_name_idx ON items (name);',
        '',
        'ALTER TABLE items ADD CONSTRAINT items_price_check CHECK (price >= 0);',
        '',
        '-- migrate:down',
        'ALTER TABLE items DROP CONSTRAINT items_price_check;',
        'DROP INDEX items_name_idx;',
        '',
      ].join('\n'),
    );
    writeMigrationsSum(join(dir, 'migrations'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lints every committed file with the schema before it: warnings fail at --fail-on=warning', async () => {
    expect((await verify()).ok).toBe(true);
    const report = await verify({ failOn: 'warning' });
    const lint = report.checks.find((c) => c.id === 'lint');
    expect(lint?.status).toBe('failed');
    expect(lint?.problems.map((p) => `${p.file}:${p.line}: ${p.message.split(':')[0]}`)).toEqual([
      '0002_hand_written.sql:3: warning index-not-concurrent',
      '0002_hand_written.sql:5: warning constraint-not-valid',
    ]);
  });

  it('reports the hazards per statement and fails on them only at --fail-on-hazard', async () => {
    const passing = await verify();
    expect(
      passing.hazards.map((h) => `${h.file} ${h.statements.map((s) => `${s.line} ${s.level}`).join(', ')}`),
    ).toEqual(['0002_hand_written.sql 3 warning, 5 error']);
    expect(passing.checks.find((c) => c.id === 'hazards')?.status).toBe('passed');
    const failing = await verify({ failOnHazard: 'error' });
    expect(failing.ok).toBe(false);
    expect(
      failing.checks.find((c) => c.id === 'hazards')?.problems.map((p) => `${p.line} ${p.message}`),
    ).toEqual([
      '5 error hazard:scan: ALTER TABLE public.items ADD CONSTRAINT items_price_check CHECK: scans public.items to validate items_price_check under ACCESS EXCLUSIVE: blocks reads and writes until it ends',
    ]);
  });

  it('accepts findings and hazards by rule, squawk name or hazard kind; names that accept nothing are findings', async () => {
    write(
      'migrations/0002_hand_written.sql',
      '-- lint:accept require-concurrent-index-creation, constraint-not-valid, hazard:scan, hazard:index-build, no-such-rule\n' +
        readFileSync(join(dir, 'migrations/0002_hand_written.sql'), 'utf8'),
    );
    writeMigrationsSum(join(dir, 'migrations'));
    const report = await verify({ failOn: 'warning', failOnHazard: 'warning' });
    expect(report.checks.find((c) => c.id === 'hazards')?.status).toBe('passed');
    expect(report.checks.find((c) => c.id === 'lint')?.problems.map((p) => p.message)).toEqual([
      'warning unknown-accept: "-- lint:accept no-such-rule" names no rule (see docs/lint.md), so it accepts nothing',
    ]);
  });
});
