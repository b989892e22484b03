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
 * `-- @expect-no-sql <text>` (no migration after the first contains it, e.g. `DROP`: renamed, not recreated),
 * `-- @expect-sql <text>` (the last migration contains it, e.g. `VALIDATE CONSTRAINT`: the online form),
 * `-- @min-server <major>` (the case needs that Postgres major, e.g. 18 for VIRTUAL generated
 * columns: it is skipped on older servers).
 *
 * A version may end with a `-- @seed` section: statements (INSERTs) run on the database built up
 * to that version, before the next version's migration. The rows must still be there after that
 * migration's up and after its down, in the columns the change keeps (tables and columns it drops
 * are not checked, retyped columns only after down). A `-- @check` section holds statements that
 * must succeed on that version's schema, after its up and after the next version's down (in a
 * transaction rolled back), e.g. `INSERT INTO t DEFAULT VALUES` to prove a sequence does not
 * hand out a value the rows hold.
 */
export interface CorpusCase {
  name: string;
  versions: string[];
  /** Seed statements run after each version, by version index (undefined: none). */
  seeds: Array<string | undefined>;
  /** Statements that must succeed on each version's schema, by version index (undefined: none). */
  checks: Array<string | undefined>;
  expectNoChanges: boolean;
  expectError?: string;
  skipPgDump: boolean;
  expectNoSql: string[];
  expectSql: string[];
  /** Lowest Postgres major the case runs on (`-- @min-server`); undefined: every server. */
  minServer?: number;
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
  const sections = parts.slice(1).map(splitSection);
  return {
    name,
    versions: sections.map((section) => section.models),
    seeds: sections.map((section) => section.seed),
    checks: sections.map((section) => section.check),
    expectNoChanges: /^-- @expect-no-changes/m.test(header),
    expectError: /^-- @expect-error (.+)$/m.exec(header)?.[1],
    skipPgDump: /^-- @skip-pg-dump/m.test(header),
    expectNoSql: [...header.matchAll(/^-- @expect-no-sql (.+)$/gm)].map((match) => match[1]),
    expectSql: [...header.matchAll(/^-- @expect-sql (.+)$/gm)].map((match) => match[1]),
    minServer: minServerOf(header),
  };
}

/** A version's text: the models, then optional `-- @seed` and `-- @check` sections. */
function splitSection(text: string): { models: string; seed?: string; check?: string } {
  const [models, ...rest] = text.split(/^-- @(seed|check)\s*$/m);
  const out: { models: string; seed?: string; check?: string } = { models: models.trim() + '\n' };
  for (let i = 0; i + 1 < rest.length; i += 2) {
    const body = rest[i + 1].trim();
    if (body) out[rest[i] === 'seed' ? 'seed' : 'check'] = body + '\n';
  }
  return out;
}

function minServerOf(header: string): number | undefined {
  const match = /^-- @min-server (\d+)\s*$/m.exec(header);
  return match ? Number(match[1]) : undefined;
}
