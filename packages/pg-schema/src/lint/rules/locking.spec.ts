import { loadSqlParser } from '@bakery-ia/init-manager';
import type { SchemaContext } from '../../hazards/schema-context';
import { lintRule } from './lint-test-support';

beforeAll(() => loadSqlParser());

const context: SchemaContext = {
  columns: new Map([
    ['public.users.age', { type: 'integer', notNull: false }],
    ['public.users.name', { type: 'character varying(50)', notNull: false }],
    ['public.users.checked', { type: 'text', notNull: false }],
  ]),
  notNullChecks: new Set(['public.users.checked']),
  indexTables: new Map([['public.users_age_idx', 'public.users']]),
  domainTables: new Map([['public.positive', ['public.users']]]),
};

describe('locking rules (schema-aware: a table the migration creates is fine)', () => {
  it('index-not-concurrent', () => {
    expect(
      lintRule(
        'index-not-concurrent',
        'CREATE INDEX a ON users (id);\nCREATE TABLE fresh (id int);\nCREATE INDEX b ON fresh (id);',
      ),
    ).toEqual([
      '1 warning index-not-concurrent: CREATE INDEX on existing table public.users blocks writes while it builds; for a large table use CREATE INDEX CONCURRENTLY in a "-- migrate:up transaction:false" section',
    ]);
    expect(
      lintRule('index-not-concurrent', [
        { sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS c ON users (id);', transaction: false },
      ]),
    ).toEqual([]);
  });

  it('index-not-concurrent: an index on a materialized view created by the migration is fine', () => {
    expect(
      lintRule(
        'index-not-concurrent',
        'CREATE MATERIALIZED VIEW mv AS SELECT 1 AS a;\nCREATE UNIQUE INDEX mv_a ON mv (a);',
      ),
    ).toEqual([]);
  });

  it('drop-index-not-concurrent: indexes of existing tables', () => {
    expect(lintRule('drop-index-not-concurrent', 'DROP INDEX users_age_idx;', context)).toEqual([
      '1 warning drop-index-not-concurrent: DROP INDEX public.users_age_idx takes ACCESS EXCLUSIVE on public.users, queued behind every transaction using it; use DROP INDEX CONCURRENTLY in a "-- migrate:up transaction:false" section',
    ]);
    expect(
      lintRule(
        'drop-index-not-concurrent',
        'CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nDROP INDEX t_a;',
        context,
      ),
    ).toEqual([]);
    expect(
      lintRule(
        'drop-index-not-concurrent',
        [{ sql: 'DROP INDEX CONCURRENTLY IF EXISTS users_age_idx;', transaction: false }],
        context,
      ),
    ).toEqual([]);
  });

  it('reindex-not-concurrent and detach-partition-not-concurrent', () => {
    expect(lintRule('reindex-not-concurrent', 'REINDEX INDEX users_age_idx;')).toHaveLength(1);
    expect(
      lintRule('reindex-not-concurrent', [
        { sql: 'REINDEX INDEX CONCURRENTLY users_age_idx;', transaction: false },
      ]),
    ).toEqual([]);
    expect(
      lintRule('detach-partition-not-concurrent', 'ALTER TABLE events DETACH PARTITION events_2020;'),
    ).toHaveLength(1);
    expect(
      lintRule('detach-partition-not-concurrent', [
        { sql: 'ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;', transaction: false },
      ]),
    ).toEqual([]);
  });

  it('constraint-not-valid: CHECK and FOREIGN KEY without NOT VALID on existing tables', () => {
    expect(
      lintRule(
        'constraint-not-valid',
        [
          'ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id);',
          'ALTER TABLE orders ADD CONSTRAINT c CHECK (total > 0);',
          'ALTER TABLE orders ADD CONSTRAINT fk2 FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;',
          'CREATE TABLE fresh (user_id int);',
          'ALTER TABLE fresh ADD CONSTRAINT f FOREIGN KEY (user_id) REFERENCES users (id);',
        ].join('\n'),
      ),
    ).toEqual([
      '1 warning constraint-not-valid: foreign key fk on existing table public.orders is validated under SHARE ROW EXCLUSIVE on public.orders and public.users (writes wait); add it NOT VALID, then VALIDATE CONSTRAINT in a later section',
      '2 warning constraint-not-valid: CHECK c on existing table public.orders is validated under ACCESS EXCLUSIVE (reads and writes wait); add it NOT VALID, then VALIDATE CONSTRAINT in a later section',
    ]);
  });

  it('validate-in-same-transaction: only in the section that added it NOT VALID', () => {
    const add = 'ALTER TABLE orders ADD CONSTRAINT c CHECK (total > 0) NOT VALID;';
    const validate = 'ALTER TABLE orders VALIDATE CONSTRAINT c;';
    expect(lintRule('validate-in-same-transaction', `${add}\n${validate}`)).toEqual([
      '2 warning validate-in-same-transaction: VALIDATE CONSTRAINT c runs in the transaction that added it NOT VALID, so it scans public.orders under that lock; put it in a section of its own ("-- migrate:up")',
    ]);
    expect(lintRule('validate-in-same-transaction', [{ sql: add }, { sql: validate }])).toEqual([]);
  });

  it('constraint-builds-index: PRIMARY KEY, UNIQUE, EXCLUDE without USING INDEX', () => {
    expect(
      lintRule(
        'constraint-builds-index',
        'ALTER TABLE users ADD CONSTRAINT u UNIQUE (email);\nALTER TABLE users ADD PRIMARY KEY (id);\nALTER TABLE users ADD CONSTRAINT u2 UNIQUE USING INDEX u2_idx;',
      ).map((f) => f.slice(0, 50)),
    ).toEqual([
      '1 warning constraint-builds-index: UNIQUE on exist',
      '2 warning constraint-builds-index: PRIMARY KEY on ',
    ]);
  });

  it('set-not-null: unless a validated CHECK (col IS NOT NULL) exists or is validated earlier', () => {
    expect(lintRule('set-not-null', 'ALTER TABLE users ALTER COLUMN age SET NOT NULL;', context)).toEqual([
      '1 warning set-not-null: SET NOT NULL on public.users.age fails if a row holds NULL, and scans the table under an exclusive lock; add CHECK (age IS NOT NULL) NOT VALID, VALIDATE it in a later section, then SET NOT NULL',
    ]);
    expect(lintRule('set-not-null', 'ALTER TABLE users ALTER COLUMN checked SET NOT NULL;', context)).toEqual(
      [],
    );
    expect(
      lintRule(
        'set-not-null',
        [
          { sql: 'ALTER TABLE users ADD CONSTRAINT age_nn CHECK (age IS NOT NULL) NOT VALID;' },
          { sql: 'ALTER TABLE users VALIDATE CONSTRAINT age_nn;' },
          { sql: 'ALTER TABLE users ALTER COLUMN age SET NOT NULL;' },
        ],
        context,
      ),
    ).toEqual([]);
    expect(
      lintRule(
        'set-not-null',
        'ALTER TABLE users ADD COLUMN x int;\nALTER TABLE users ALTER COLUMN x SET NOT NULL;',
        context,
      ),
    ).toEqual([]);
  });

  it('add-column-rewrite: volatile defaults and friends, not constants', () => {
    expect(
      lintRule(
        'add-column-rewrite',
        "ALTER TABLE users ADD COLUMN a uuid DEFAULT gen_random_uuid();\nALTER TABLE users ADD COLUMN b int DEFAULT 0, ADD COLUMN c timestamptz DEFAULT now(), ADD COLUMN d text DEFAULT 'x';\nALTER TABLE users ADD COLUMN e bigint GENERATED ALWAYS AS IDENTITY;",
      ),
    ).toEqual([
      '1 warning add-column-rewrite: ADD COLUMN rewrites public.users under ACCESS EXCLUSIVE (default of a calls gen_random_uuid(), which is volatile); add it without the default, set the default, then backfill in batches',
      '3 warning add-column-rewrite: ADD COLUMN rewrites public.users under ACCESS EXCLUSIVE (identity column e); add it without the default, set the default, then backfill in batches',
    ]);
  });

  it('add-required-column: NOT NULL without a default on an existing table', () => {
    expect(
      lintRule(
        'add-required-column',
        'ALTER TABLE users ADD COLUMN a int NOT NULL;\nALTER TABLE users ADD COLUMN b int NOT NULL DEFAULT 0;\n' +
          'ALTER TABLE users ADD COLUMN c int GENERATED ALWAYS AS (id * 2) VIRTUAL NOT NULL;',
      ),
    ).toEqual([
      '1 error add-required-column: ADD COLUMN a NOT NULL without a default fails on public.users as soon as it has a row (the shadow database is empty, production is not); give it a default, or add it nullable and backfill',
    ]);
  });

  it('type-change: rewrites or narrowing, not binary-coercible widening', () => {
    expect(
      lintRule(
        'type-change',
        'ALTER TABLE users ALTER COLUMN age TYPE bigint, ALTER COLUMN name TYPE varchar(20);\nALTER TABLE users ALTER COLUMN name TYPE text;',
        context,
      ),
    ).toEqual([
      '1 warning type-change: changing the type of public.users.age from integer to bigint rewrites the table under an exclusive lock',
      '1 warning type-change: changing the type of public.users.name from character varying(50) to character varying(20) rewrites the table under an exclusive lock and fails or loses precision if values do not fit',
    ]);
  });

  it('alter-domain-add-constraint: without NOT VALID on an existing domain', () => {
    expect(
      lintRule(
        'alter-domain-add-constraint',
        'ALTER DOMAIN positive ADD CONSTRAINT c CHECK (VALUE > 0);',
        context,
      ),
    ).toHaveLength(1);
    expect(
      lintRule(
        'alter-domain-add-constraint',
        'ALTER DOMAIN positive ADD CONSTRAINT c CHECK (VALUE > 0) NOT VALID;',
        context,
      ),
    ).toEqual([]);
    expect(
      lintRule(
        'alter-domain-add-constraint',
        'CREATE DOMAIN d AS int;\nALTER DOMAIN d ADD CONSTRAINT c CHECK (VALUE > 0);',
        context,
      ),
    ).toEqual([]);
  });

  it('rewrite-command: VACUUM FULL, CLUSTER, SET TABLESPACE', () => {
    expect(
      lintRule('rewrite-command', [
        { sql: 'VACUUM FULL users;', transaction: false },
        {
          sql: 'CLUSTER users USING users_age_idx;\nALTER TABLE users SET TABLESPACE pg_default;\nVACUUM users;',
        },
      ]).map((f) => f.slice(0, 40)),
    ).toEqual([
      '1 warning rewrite-command: VACUUM FULL r',
      '1 warning rewrite-command: CLUSTER rewri',
      '2 warning rewrite-command: SET TABLESPAC',
    ]);
  });
});
