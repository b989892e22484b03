'use strict';
/**
 * A long history: N small migrations (create table, add column, create index, comment; repeating),
 * written as the engine writes them, with migrations.sum; plus the floor's two concatenations of
 * their up sections (one transaction for all, and one transaction per migration).
 */
const { mkdirSync, mkdtempSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { writeMigrationsSum } = require('@bakery-ia/init-manager');

function step(k) {
  const table = `public.h_${String(Math.ceil(k / 4)).padStart(4, '0')}`;
  const bare = table.slice('public.'.length);
  switch (k % 4) {
    case 1:
      return {
        name: `create_${bare}`,
        up: `CREATE TABLE ${table} (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  name text NOT NULL\n);`,
        down: `DROP TABLE ${table};`,
      };
    case 2:
      return {
        name: `add_created_at_to_${bare}`,
        up: `ALTER TABLE ${table} ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();`,
        down: `ALTER TABLE ${table} DROP COLUMN created_at;`,
      };
    case 3:
      return {
        name: `index_${bare}_name`,
        up: `CREATE INDEX ${bare}_name_idx ON ${table} (name);`,
        down: `DROP INDEX public.${bare}_name_idx;`,
      };
    default:
      return {
        name: `comment_${bare}`,
        up: `COMMENT ON TABLE ${table} IS 'history step ${k}';`,
        down: `COMMENT ON TABLE ${table} IS NULL;`,
      };
  }
}

function writeHistory(count) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `bench-history-${count}-`));
  const migrationsDir = path.join(dir, 'migrations');
  mkdirSync(migrationsDir);
  const ups = [];
  for (let k = 1; k <= count; k++) {
    const { name, up, down } = step(k);
    const version = String(k).padStart(4, '0');
    writeFileSync(
      path.join(migrationsDir, `${version}_${name}.sql`),
      `-- History step ${k}.\n\n-- migrate:up\n${up}\n\n-- migrate:down\n${down}\n`,
    );
    ups.push(up);
  }
  writeMigrationsSum(migrationsDir);
  const allInOne = path.join(dir, 'all-up.sql');
  writeFileSync(allInOne, `${ups.join('\n')}\n`);
  const perMigration = path.join(dir, 'per-migration-up.sql');
  writeFileSync(perMigration, `${ups.map((up) => `BEGIN;\n${up}\nCOMMIT;`).join('\n')}\n`);
  return { dir, migrationsDir, allInOne, perMigration };
}

module.exports = { writeHistory };
