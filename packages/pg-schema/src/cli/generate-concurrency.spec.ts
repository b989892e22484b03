import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkMigrationsSum } from '@bakery-ia/init-manager';
import { primaryTestServer } from '@bakery-ia/test-db';

const BIN = join(__dirname, '..', '..', 'bin', 'pg-schema.js');

function run(
  cwd: string,
  args: string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('pg-schema generate: two at once on one service', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pg-schema-concurrent-'));
    mkdirSync(join(dir, 'models'));
    mkdirSync(join(dir, 'migrations'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('never writes two files with one number: the second waits, then finds nothing left to do', async () => {
    // A replay that takes a second, so the two runs overlap whatever the machine's speed.
    writeFileSync(
      join(dir, 'migrations', '0001_items.sql'),
      '-- migrate:up\nCREATE TABLE items (id int PRIMARY KEY);\nSELECT pg_sleep(1);\n-- migrate:down\nDROP TABLE items;\n',
    );
    expect(
      spawnSync(process.execPath, [BIN, 'hash', '--migrations', 'migrations'], { cwd: dir }).status,
    ).toBe(0);
    writeFileSync(join(dir, 'models', '01.sql'), 'CREATE TABLE items (id int PRIMARY KEY, name text);\n');
    const generate = (name: string) =>
      run(dir, [
        'generate',
        '--models',
        'models',
        '--migrations',
        'migrations',
        '--name',
        name,
        '--shadow-url',
        primaryTestServer().url,
      ]);
    const results = await Promise.all([generate('first'), generate('second')]);
    expect(results.map((result) => result.status)).toEqual([0, 0]);
    const files = readdirSync(join(dir, 'migrations')).sort();
    expect(files).toHaveLength(3);
    expect(files.filter((name) => name.startsWith('0002_'))).toHaveLength(1);
    expect(files).toEqual([
      '0001_items.sql',
      expect.stringMatching(/^0002_(first|second)\.sql$/),
      'migrations.sum',
    ]);
    expect(checkMigrationsSum(join(dir, 'migrations')).ok).toBe(true);
    const waited = results.find((result) => result.stderr.includes('waiting for another generate'));
    expect(waited?.stdout).toContain('No changes: the migrations already build the models. Nothing written.');
  });

  it('hash refuses a folder where two migrations share a number, as verify does', () => {
    const migration = (table: string) =>
      `-- migrate:up\nCREATE TABLE ${table} (id int);\n-- migrate:down\nDROP TABLE ${table};\n`;
    writeFileSync(join(dir, 'migrations', '0001_a.sql'), migration('a'));
    writeFileSync(join(dir, 'migrations', '0002_b.sql'), migration('b'));
    writeFileSync(join(dir, 'migrations', '0002_c.sql'), migration('c'));
    const hash = spawnSync(process.execPath, [BIN, 'hash', '--migrations', 'migrations'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(hash.status).toBe(1);
    expect(hash.stderr).toBe(
      'pg-schema: Not hashing migrations: 0002_b.sql and 0002_c.sql share a number. ' +
        'Renumber the newer one after the last migration (or regenerate it), then run hash again.\n',
    );
    expect(readdirSync(join(dir, 'migrations'))).not.toContain('migrations.sum');
  });
});
