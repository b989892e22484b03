import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * A corpus case is one .sql file holding successive versions of a service's models:
 *
 *     -- @version 1
 *     CREATE TABLE t (id int);
 *     -- @version 2
 *     CREATE TABLE t (id int, note text);
 *
 * Optional directives before the first version: `-- @expect-no-changes` (versions are equal
 * schemas written differently), `-- @expect-error <text>` (generation must fail with it),
 * `-- @skip-pg-dump` (pg_dump orders something differently by construction; say why),
 * `-- @expect-no-sql <text>` (no migration after the first contains it, e.g. `DROP`: renamed, not recreated).
 *
 * Inside a version after the first, `-- @seed <sql>` lines (taken out of the models) run on the
 * database the earlier migrations build, before this version's migration: its rows must survive
 * the up and the down section (see seeded-rows.ts).
 */
export interface CorpusCase {
  name: string;
  versions: string[];
  /** Per version: the `-- @seed` SQL, or '' for none. */
  seeds: string[];
  expectNoChanges: boolean;
  expectError?: string;
  skipPgDump: boolean;
  expectNoSql: string[];
}

export function readCorpusGroup(dir: string): CorpusCase[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => parseCorpusCase(basename(file, '.sql'), readFileSync(join(dir, file), 'utf8')));
}

export function parseCorpusCase(name: string, text: string): CorpusCase {
  const parts = text.split(/^-- @version .*$/m);
  const header = parts[0];
  const seed = /^-- @seed (.+)$/gm;
  const versions = parts.slice(1);
  return {
    name,
    versions: versions.map((part) => part.replace(seed, '').trim() + '\n'),
    seeds: versions.map((part) => [...part.matchAll(seed)].map((match) => match[1]).join('\n')),
    expectNoChanges: /^-- @expect-no-changes/m.test(header),
    expectError: /^-- @expect-error (.+)$/m.exec(header)?.[1],
    skipPgDump: /^-- @skip-pg-dump/m.test(header),
    expectNoSql: [...header.matchAll(/^-- @expect-no-sql (.+)$/gm)].map((match) => match[1]),
  };
}
