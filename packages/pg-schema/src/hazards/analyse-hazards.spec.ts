import { loadSqlParser, splitStatements } from '@bakery-ia/init-manager';
import { analyseHazards } from './analyse-hazards';
import { describeStatementHazards } from './hazard';
import type { SchemaContext } from './schema-context';

beforeAll(() => loadSqlParser());

const context: SchemaContext = {
  columns: new Map([
    ['public.users.id', { type: 'bigint', notNull: true }],
    ['public.users.age', { type: 'integer', notNull: false }],
    ['public.users.name', { type: 'character varying(50)', notNull: false }],
    ['public.users.email', { type: 'text', notNull: false }],
    ['public.users.price', { type: 'numeric(10,2)', notNull: false }],
    ['public.users.code', { type: 'character(3)', notNull: false }],
    ['public.users.checked', { type: 'text', notNull: false }],
    ['public.users.stored_total', { type: 'integer', notNull: false }],
    ['public.users.virtual_total', { type: 'integer', notNull: false, virtual: true }],
  ]),
  notNullChecks: new Set(['public.users.checked']),
  constrainedDomains: new Set(['public.positive']),
  domainTables: new Map([['public.positive', ['public.orders']]]),
  enums: new Set(['public.mood']),
  indexTables: new Map([['public.users_email_idx', 'public.users']]),
  references: new Map([['public.orders', ['public.users']]]),
  functions: new Map([
    ['public.stable_fn', 'stable'],
    ['public.volatile_fn', 'volatile'],
  ]),
};

/** `level kind@table` per effect, one string per statement with hazards. */
function hazards(sql: string, options: { transaction?: boolean; context?: SchemaContext } = {}): string[] {
  const sections = [{ transaction: options.transaction ?? true, statements: splitStatements(sql) }];
  return analyseHazards(sections, options.context ?? context).map(
    (s) =>
      `${s.line} ${s.effects.map((e) => `${e.level} ${e.kind}${e.table ? `@${e.table}` : ''}`).join(', ')}`,
  );
}

function described(sql: string, transaction = true): string[] {
  return analyseHazards([{ transaction, statements: splitStatements(sql) }], context).map(
    describeStatementHazards,
  );
}

describe('analyseHazards: indexes', () => {
  it('an index build blocks writes (SHARE); concurrently it blocks neither', () => {
    expect(described('CREATE INDEX i ON users (age);')).toEqual([
      'warning CREATE INDEX i ON public.users: builds index i on public.users under SHARE: blocks writes until it ends',
    ]);
    expect(described('CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON users (age);', false)).toEqual([
      'info CREATE INDEX CONCURRENTLY i ON public.users: builds index i on public.users concurrently under SHARE UPDATE EXCLUSIVE: blocks neither reads nor writes until it ends',
    ]);
  });

  it('work on a table created by the migration has no hazard', () => {
    expect(
      hazards(
        'CREATE TABLE fresh (id int PRIMARY KEY, age int);\nCREATE INDEX i ON fresh (age);\nALTER TABLE fresh ALTER COLUMN age TYPE text, ALTER COLUMN age SET NOT NULL;\nDROP TABLE fresh;',
      ),
    ).toEqual([]);
  });

  it('DROP INDEX takes ACCESS EXCLUSIVE on its table briefly; concurrently it blocks nothing', () => {
    expect(hazards('DROP INDEX users_email_idx;')).toEqual(['1 info lock@public.users']);
    expect(hazards('DROP INDEX CONCURRENTLY users_email_idx;', { transaction: false })).toEqual([]);
  });

  it('REINDEX blocks writes; REINDEX CONCURRENTLY blocks nothing', () => {
    expect(hazards('REINDEX INDEX users_email_idx;')).toEqual(['1 warning index-build@public.users']);
    expect(hazards('REINDEX TABLE CONCURRENTLY users;', { transaction: false })).toEqual([
      '1 info index-build@public.users',
    ]);
  });
});

describe('analyseHazards: ADD COLUMN', () => {
  it('a constant or stable default is a brief catalog change (PG11+)', () => {
    expect(
      hazards(
        "ALTER TABLE users ADD COLUMN a int DEFAULT 0, ADD COLUMN b timestamptz DEFAULT now(), ADD COLUMN c jsonb DEFAULT '{}'::jsonb, ADD COLUMN d int DEFAULT stable_fn();",
      ),
    ).toEqual(['1 info lock@public.users']);
  });

  it('a volatile default, identity, serial, stored generated column or constrained domain rewrites', () => {
    for (const column of [
      'a uuid DEFAULT gen_random_uuid()',
      'a int DEFAULT volatile_fn()',
      'a int DEFAULT unknown_fn()',
      'a bigint GENERATED ALWAYS AS IDENTITY',
      'a bigserial',
      'a int GENERATED ALWAYS AS (age * 2) STORED',
      'a positive',
    ])
      expect(hazards(`ALTER TABLE users ADD COLUMN ${column};`)).toEqual(['1 error rewrite@public.users']);
    expect(described('ALTER TABLE users ADD COLUMN a uuid DEFAULT gen_random_uuid();')).toEqual([
      'error ALTER TABLE public.users ADD COLUMN a: rewrites public.users (default of a calls gen_random_uuid(), which is volatile) under ACCESS EXCLUSIVE: blocks reads and writes until it ends',
    ]);
  });

  it('a VIRTUAL generated column (PG18) rewrites nothing; NOT NULL on one scans its expression', () => {
    for (const column of [
      'a int GENERATED ALWAYS AS (age * 2) VIRTUAL',
      'a int GENERATED ALWAYS AS (age * 2)',
    ])
      expect(hazards(`ALTER TABLE users ADD COLUMN ${column};`)).toEqual(['1 info lock@public.users']);
    expect(
      described('ALTER TABLE users ADD COLUMN a int GENERATED ALWAYS AS (age * 2) VIRTUAL NOT NULL;'),
    ).toEqual([
      'error ALTER TABLE public.users ADD COLUMN a: scans public.users to check the expression of a gives no NULL under ACCESS EXCLUSIVE: blocks reads and writes until it ends',
    ]);
  });

  it("SET EXPRESSION rewrites a stored column's table, not a virtual one's", () => {
    expect(hazards('ALTER TABLE users ALTER COLUMN stored_total SET EXPRESSION AS (age * 3);')).toEqual([
      '1 error rewrite@public.users',
    ]);
    expect(hazards('ALTER TABLE users ALTER COLUMN virtual_total SET EXPRESSION AS (age * 3);')).toEqual([
      '1 info lock@public.users',
    ]);
  });

  it('any default rewrites before PostgreSQL 11', () => {
    expect(
      hazards('ALTER TABLE users ADD COLUMN a int DEFAULT 0;', { context: { ...context, serverMajor: 10 } }),
    ).toEqual(['1 error rewrite@public.users']);
  });

  it('NOT NULL without a default scans (and fails on a filled table)', () => {
    expect(hazards('ALTER TABLE users ADD COLUMN a int NOT NULL;')).toEqual(['1 error scan@public.users']);
  });

  it('a UNIQUE column builds an index under ACCESS EXCLUSIVE; a REFERENCES column locks the other table', () => {
    expect(hazards('ALTER TABLE users ADD COLUMN a int UNIQUE;')).toEqual([
      '1 error index-build@public.users',
    ]);
    expect(hazards('ALTER TABLE orders ADD COLUMN a bigint REFERENCES users (id);')).toEqual([
      '1 info lock@public.orders, info lock@public.users',
    ]);
  });
});

describe('analyseHazards: ALTER COLUMN TYPE', () => {
  it.each([
    ['name', 'varchar(100)', []],
    ['name', 'text', []],
    ['name', 'varchar', []],
    ['email', 'varchar', []],
    ['price', 'numeric(12,2)', []],
    ['price', 'numeric', []],
    ['age', 'bigint', ['error rewrite']],
    ['email', 'varchar(20)', ['error rewrite', 'warning irreversible']],
    ['name', 'varchar(20)', ['error rewrite', 'warning irreversible']],
    ['price', 'numeric(12,3)', ['error rewrite']],
    ['price', 'numeric(10,1)', ['error rewrite', 'warning irreversible']],
    ['code', 'text', ['error rewrite']],
    ['age', 'text', ['error rewrite', 'warning irreversible']],
  ])('%s -> %s: %j', (column, type, expected) => {
    const [line] = analyseHazards(
      [
        {
          transaction: true,
          statements: splitStatements(`ALTER TABLE users ALTER COLUMN ${column} TYPE ${type};`),
        },
      ],
      context,
    );
    const kinds = line.effects.filter((e) => e.kind !== 'lock').map((e) => `${e.level} ${e.kind}`);
    expect(kinds.sort()).toEqual([...expected].sort());
    if (expected.length === 0) expect(line.effects.map((e) => e.kind)).toEqual(['lock']);
  });

  it('says a binary-compatible change (varchar widening, varchar <-> text) needs no rewrite', () => {
    expect(described('ALTER TABLE users ALTER COLUMN name TYPE varchar(100);')).toEqual([
      'info ALTER TABLE public.users ALTER COLUMN name TYPE: ACCESS EXCLUSIVE on public.users, brief: blocks reads and writes while it waits for running transactions and until the section commits (no rewrite: name character varying(50) -> character varying(100) is binary-compatible, a catalog change)',
    ]);
    expect(described('ALTER TABLE users ALTER COLUMN email TYPE varchar;')[0]).toContain(
      'no rewrite: email text -> character varying is binary-compatible',
    );
    expect(described('ALTER TABLE users ALTER COLUMN age TYPE bigint;')[0]).not.toContain('no rewrite');
  });

  it('a USING expression rewrites unless it is the column itself', () => {
    expect(hazards('ALTER TABLE users ALTER COLUMN name TYPE text USING name::text;')).toEqual([
      '1 info lock@public.users',
    ]);
    expect(hazards('ALTER TABLE users ALTER COLUMN name TYPE text USING lower(name);')).toEqual([
      '1 error rewrite@public.users',
    ]);
  });
});

describe('analyseHazards: constraints and NOT NULL', () => {
  it('SET NOT NULL scans under ACCESS EXCLUSIVE unless a validated CHECK (col IS NOT NULL) exists', () => {
    expect(hazards('ALTER TABLE users ALTER COLUMN age SET NOT NULL;')).toEqual([
      '1 error scan@public.users',
    ]);
    expect(hazards('ALTER TABLE users ALTER COLUMN checked SET NOT NULL;')).toEqual([
      '1 info lock@public.users',
    ]);
    expect(
      hazards('ALTER TABLE users ALTER COLUMN checked SET NOT NULL;', {
        context: { ...context, serverMajor: 11 },
      }),
    ).toEqual(['1 error scan@public.users']);
  });

  it('the online SET NOT NULL: NOT VALID check, VALIDATE in its own section, then SET NOT NULL is brief', () => {
    const sections = [
      {
        transaction: true,
        statements: splitStatements(
          'ALTER TABLE users ADD CONSTRAINT age_nn CHECK (age IS NOT NULL) NOT VALID;',
        ),
      },
      { transaction: true, statements: splitStatements('ALTER TABLE users VALIDATE CONSTRAINT age_nn;') },
      {
        transaction: true,
        statements: splitStatements(
          'ALTER TABLE users ALTER COLUMN age SET NOT NULL;\nALTER TABLE users DROP CONSTRAINT age_nn;',
        ),
      },
    ];
    expect(
      analyseHazards(sections, context).map((s) => s.effects.map((e) => `${e.level} ${e.kind}`).join(', ')),
    ).toEqual(['info lock', 'info scan', 'info lock', 'info lock']);
  });

  it('a foreign key scans under SHARE ROW EXCLUSIVE on both tables; NOT VALID is brief; VALIDATE blocks nothing', () => {
    expect(
      hazards('ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id);'),
    ).toEqual(['1 warning scan@public.orders, warning lock@public.users']);
    expect(
      hazards('ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;'),
    ).toEqual(['1 info lock@public.orders, info lock@public.users']);
    expect(hazards('ALTER TABLE orders VALIDATE CONSTRAINT fk;')).toEqual(['1 info scan@public.orders']);
  });

  it('VALIDATE in the same transaction as its NOT VALID ADD runs under the lock held since then', () => {
    expect(
      described(
        'ALTER TABLE orders ADD CONSTRAINT c CHECK (total > 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT c;',
      ),
    ).toEqual([
      'info ALTER TABLE public.orders ADD CONSTRAINT c CHECK NOT VALID: ACCESS EXCLUSIVE on public.orders, brief: blocks reads and writes while it waits for running transactions and until the section commits',
      'error ALTER TABLE public.orders VALIDATE CONSTRAINT c: scans public.orders to validate c under ACCESS EXCLUSIVE (held since line 1): blocks reads and writes until it ends',
    ]);
    // Outside a transaction each statement commits: nothing is held.
    expect(
      hazards(
        'ALTER TABLE orders ADD CONSTRAINT c CHECK (total > 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT c;',
        { transaction: false },
      ),
    ).toEqual(['1 info lock@public.orders', '2 info scan@public.orders']);
  });

  it('CHECK scans under ACCESS EXCLUSIVE; UNIQUE and PRIMARY KEY build an index unless USING INDEX', () => {
    expect(hazards('ALTER TABLE users ADD CONSTRAINT c CHECK (age > 0);')).toEqual([
      '1 error scan@public.users',
    ]);
    expect(hazards('ALTER TABLE users ADD CONSTRAINT u UNIQUE (email);')).toEqual([
      '1 error index-build@public.users',
    ]);
    expect(hazards('ALTER TABLE users ADD CONSTRAINT u UNIQUE USING INDEX users_email_idx;')).toEqual([
      '1 info lock@public.users',
    ]);
    expect(hazards('ALTER TABLE users ADD PRIMARY KEY (age);')).toEqual([
      '1 error index-build@public.users, error scan@public.users',
    ]);
  });

  it('ALTER DOMAIN ADD CONSTRAINT scans the tables using the domain under SHARE', () => {
    expect(hazards('ALTER DOMAIN positive ADD CONSTRAINT c CHECK (VALUE > 0);')).toEqual([
      '1 warning scan@public.orders',
    ]);
    expect(hazards('ALTER DOMAIN positive ADD CONSTRAINT c CHECK (VALUE > 0) NOT VALID;')).toEqual([]);
  });
});

describe('analyseHazards: data loss and irreversible changes', () => {
  it('drops and deletes lose data', () => {
    expect(hazards('ALTER TABLE users DROP COLUMN email;')).toEqual([
      '1 error data-loss@public.users, info lock@public.users',
    ]);
    expect(hazards('DROP TABLE orders;')).toEqual([
      '1 error data-loss@public.orders, info lock@public.orders, info lock@public.users',
    ]);
    expect(hazards('TRUNCATE users;')).toEqual(['1 error data-loss@public.users, info lock@public.users']);
    expect(hazards('DELETE FROM users WHERE id = 1;')).toEqual(['1 error data-loss@public.users']);
    expect(hazards('DELETE FROM users;')).toEqual([
      '1 error data-loss@public.users, warning scan@public.users',
    ]);
    expect(hazards('DROP SCHEMA billing CASCADE;')).toEqual(['1 error data-loss']);
    expect(hazards('DROP DATABASE other;', { transaction: false })).toEqual(['1 error data-loss']);
  });

  it('a new enum value takes no table lock and the down section can recreate the type', () => {
    expect(hazards("ALTER TYPE mood ADD VALUE 'meh';", { transaction: false })).toEqual([]);
  });

  it('dropping a sequence loses its current value', () => {
    expect(hazards('DROP SEQUENCE order_numbers;')).toEqual(['1 warning irreversible']);
  });
});

describe('analyseHazards: other statements', () => {
  it('brief locks of renames, triggers, policies, views, defaults', () => {
    expect(
      hazards(
        [
          'ALTER TABLE users RENAME TO accounts;',
          'ALTER TABLE accounts RENAME COLUMN age TO years;',
          'CREATE TRIGGER t BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION f();',
          'CREATE POLICY p ON accounts USING (true);',
          'ALTER TABLE accounts ALTER COLUMN email SET DEFAULT $$x$$;',
          "COMMENT ON TABLE accounts IS 'x';",
          'GRANT SELECT ON accounts TO PUBLIC;',
        ].join('\n'),
      ),
    ).toEqual([
      '1 info lock@public.users',
      '2 info lock@public.accounts',
      '3 info lock@public.accounts',
      '4 info lock@public.accounts',
      '5 info lock@public.accounts',
    ]);
  });

  it('the facts of a renamed table follow it', () => {
    expect(
      hazards('ALTER TABLE users RENAME TO accounts;\nALTER TABLE accounts ALTER COLUMN name TYPE text;'),
    ).toEqual(['1 info lock@public.users', '2 info lock@public.accounts']);
  });

  it('VACUUM FULL, CLUSTER and SET TABLESPACE rewrite; UPDATE without WHERE locks every row', () => {
    expect(hazards('VACUUM FULL users;', { transaction: false })).toEqual(['1 error rewrite@public.users']);
    expect(hazards('CLUSTER users USING users_email_idx;')).toEqual(['1 error rewrite@public.users']);
    expect(hazards('ALTER TABLE users SET TABLESPACE pg_default;')).toEqual(['1 error rewrite@public.users']);
    expect(hazards('UPDATE users SET age = 0;')).toEqual(['1 warning scan@public.users']);
    expect(hazards('UPDATE users SET age = 0 WHERE id = 1;')).toEqual([]);
  });

  it('storage parameters: fillfactor and autovacuum take SHARE UPDATE EXCLUSIVE, others ACCESS EXCLUSIVE', () => {
    expect(hazards('ALTER TABLE users SET (fillfactor = 70, autovacuum_enabled = false);')).toEqual([]);
    expect(hazards('ALTER TABLE users SET (user_catalog_table = true);')).toEqual([
      '1 info lock@public.users',
    ]);
  });

  it('REFRESH MATERIALIZED VIEW blocks its reads unless CONCURRENTLY', () => {
    expect(hazards('REFRESH MATERIALIZED VIEW stats;')).toEqual(['1 error scan@public.stats']);
    expect(hazards('REFRESH MATERIALIZED VIEW CONCURRENTLY stats;', { transaction: false })).toEqual([
      '1 info scan@public.stats',
    ]);
  });

  it('a partition created with PARTITION OF locks the parent; ATTACH scans the partition', () => {
    expect(hazards('CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM (1) TO (2);')).toEqual([
      '1 info lock@public.events',
    ]);
    expect(hazards('ALTER TABLE events ATTACH PARTITION old_events FOR VALUES FROM (0) TO (1);')).toEqual([
      '1 error scan@public.old_events',
    ]);
  });

  it('passes over statements without hazards', () => {
    expect(
      hazards(
        "CREATE TABLE t (id int);\nCREATE TYPE x AS ENUM ('a');\nSELECT 1;\nINSERT INTO users (id) VALUES (1);",
      ),
    ).toEqual([]);
  });
});
