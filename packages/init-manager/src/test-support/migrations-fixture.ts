import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeMigrationsSum } from '../migrations-sum';

/** A temp folder holding the given files; `withSum` also writes migrations.sum. */
export function migrationsFolder(files: Record<string, string>, options: { withSum?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  if (options.withSum ?? true) writeMigrationsSum(dir);
  return dir;
}

export function removeFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The text of a migration file with the given up and down SQL. */
export function migration(up: string, down = ''): string {
  return `-- test migration\n-- migrate:up\n${up}\n\n-- migrate:down\n${down}\n`;
}

/** `count` migrations that each create table t<n> (and drop it on the way down). */
export function tableMigrations(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let n = 1; n <= count; n++) {
    const version = String(n).padStart(4, '0');
    files[`${version}_create_t${n}.sql`] = migration(
      `CREATE TABLE t${n} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text);`,
      `DROP TABLE t${n};`,
    );
  }
  return files;
}

/** A migration file of several sections: `{ up: [...], down: [...] }`, each `[sql, transaction?]`. */
export function steppedMigration(sections: {
  up: Array<[string, boolean?]>;
  down?: Array<[string, boolean?]>;
}): string {
  const render = (direction: string, [sql, transaction = true]: [string, boolean?]) =>
    `-- migrate:${direction}${transaction ? '' : ' transaction:false'}\n${sql}\n`;
  return [
    '-- test migration of several steps',
    ...sections.up.map((section) => render('up', section)),
    ...(sections.down ?? [['SELECT 1;']]).map((section) => render('down', section)),
  ].join('\n');
}

/** Collects what a logger receives. */
export function recordingLogger(): { info(m: string): void; warn(m: string): void; lines: string[] } {
  const lines: string[] = [];
  return { info: (m) => lines.push(`info: ${m}`), warn: (m) => lines.push(`warn: ${m}`), lines };
}
