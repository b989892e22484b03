import { loadSqlParser, splitStatements } from '@bakery-ia/init-manager';
import { isWidening, lintStatements, type LintContext } from './lint-statements';

beforeAll(() => loadSqlParser());

const existing: LintContext = {
  existingTables: new Set(['public.users']),
  columnTypes: new Map([
    ['public.users.age', 'integer'],
    ['public.users.name', 'character varying(50)'],
  ]),
};

function lint(sql: string, context: LintContext = existing) {
  return lintStatements(splitStatements(sql), context).map(
    (f) => `${f.line} ${f.level} ${f.rule}: ${f.message}`,
  );
}

describe('lintStatements', () => {
  it('marks drops of tables, schemas and types with the names they drop', () => {
    expect(lint('DROP TABLE public.users, orders;\nDROP SCHEMA billing;\nDROP TYPE public.mood;')).toEqual([
      '1 error drop-table: DROP TABLE public.users, orders deletes the table and its rows',
      '2 error drop-schema: DROP SCHEMA billing deletes everything in it',
      '3 warning drop-type: DROP TYPE public.mood',
    ]);
    expect(lint('DROP DOMAIN public.code;')).toEqual(['1 warning drop-type: DROP DOMAIN public.code']);
  });

  it('reports an enum recreate once, not the drop of its renamed old type', () => {
    const sql = [
      'ALTER TYPE public.mood RENAME TO mood__old;',
      "CREATE TYPE public.mood AS ENUM ('a');",
      'DROP TYPE public.mood__old;',
    ].join('\n');
    expect(lint(sql)).toEqual([
      '1 error enum-recreate: the values of enum mood are removed or reordered: it is recreated and every column converted; rows holding a removed value make this migration fail',
    ]);
  });

  it('marks deletes of every row', () => {
    expect(lint('TRUNCATE users;\nDELETE FROM users;\nDELETE FROM users WHERE id = 1;')).toEqual([
      '1 error truncate: TRUNCATE deletes every row',
      '2 error delete-all: DELETE without WHERE deletes every row',
    ]);
  });

  it('marks renames of tables and columns, qualified with public by default', () => {
    expect(lint('ALTER TABLE users RENAME TO accounts;\nALTER TABLE s.t RENAME COLUMN a TO b;')).toEqual([
      '1 warning rename: renaming public.users breaks code that still uses the old name during a rolling deploy',
      '2 warning rename: renaming s.t.a breaks code that still uses the old name during a rolling deploy',
    ]);
  });

  it('marks a non-concurrent index on an existing table only', () => {
    const sql =
      'CREATE INDEX a ON users (id);\nCREATE INDEX b ON fresh (id);\nCREATE INDEX CONCURRENTLY c ON users (id);';
    expect(lint(sql)).toEqual([
      '1 warning index-not-concurrent: CREATE INDEX on existing table public.users blocks writes while it builds; for a large table use CREATE INDEX CONCURRENTLY in a "-- migrate:up transaction:false" section',
    ]);
  });

  it('marks dropped columns, and NOT NULL and narrowing type changes on existing tables', () => {
    const sql = [
      'ALTER TABLE users DROP COLUMN note, ALTER COLUMN age SET NOT NULL;',
      'ALTER TABLE users ALTER COLUMN age TYPE bigint, ALTER COLUMN name TYPE varchar(20);',
      'ALTER TABLE fresh ALTER COLUMN x SET NOT NULL, ALTER COLUMN y TYPE text;',
    ].join('\n');
    expect(lint(sql)).toEqual([
      '1 error drop-column: DROP COLUMN public.users.note deletes its data',
      '1 warning set-not-null: SET NOT NULL on public.users.age fails if a row holds NULL, and scans the table under an exclusive lock',
      '2 warning type-change: changing the type of public.users.name from character varying(50) to varchar(20) rewrites the table under an exclusive lock and fails or truncates if values do not fit',
    ]);
  });

  it('marks attaching an existing table, and every detach', () => {
    const sql = [
      "ALTER TABLE public.events ATTACH PARTITION public.users FOR VALUES IN ('a');",
      'ALTER TABLE public.events ATTACH PARTITION public.fresh DEFAULT;',
      'ALTER TABLE public.events DETACH PARTITION public.users;',
    ].join('\n');
    expect(lint(sql)).toEqual([
      '1 warning attach-partition: ATTACH PARTITION public.users to public.events scans public.users to check its bound while writes to it wait, and fails if a row is outside the bound; a CHECK constraint on it that implies the bound (added NOT VALID, then validated, in an earlier migration) skips the scan',
      '3 warning detach-partition: DETACH PARTITION public.users locks public.events (ACCESS EXCLUSIVE): every query on it waits until the migration commits; DETACH PARTITION ... CONCURRENTLY does not, but runs only outside a transaction (by hand, in a "-- migrate:up transaction:false" section)',
    ]);
  });

  it('passes over statements it has no rule for', () => {
    expect(lint("CREATE TABLE t (id int);\nCOMMENT ON TABLE t IS 'x';\nSELECT 1;")).toEqual([]);
  });
});

describe('isWidening', () => {
  it.each([
    ['integer', 'bigint', true],
    ['bigint', 'integer', false],
    ['character varying(10)', 'text', true],
    ['character varying(10)', 'varchar(20)', true],
    ['character varying(20)', 'character varying(10)', false],
    ['character varying(20)', 'character varying', true],
    ['numeric(10,2)', 'numeric(12,2)', true],
    ['numeric(10,2)', 'numeric(10,1)', false],
    ['numeric(10,2)', 'numeric', true],
    ['text', 'integer', false],
  ])('%s -> %s: %s', (before, after, expected) => {
    expect(isWidening(before, after)).toBe(expected);
  });
});
