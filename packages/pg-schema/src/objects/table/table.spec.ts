import { diffCatalogs } from '../../diff/diff';
import { UnsupportedChangeError } from '../../diff/unsupported';
import { catalogOf, column, diffBothWays, keyed, table, tables } from '../test-support/catalogs';
import { indexKind } from '../index/index.kind';
import { sequenceKind } from '../sequence/sequence.kind';
import { columnKind } from './column.kind';
import { constraintKind } from './constraint.kind';
import { tableKind } from './table.kind';
import { createTableSql } from './table.sql';

const id = column('id', 'integer', { notNull: true });

describe('table rendering', () => {
  it('writes columns, then the constraints that need no other table', () => {
    const orders = table('orders', [id, column('note', 'text', { collation: '"C"', default: "''::text" })], {
      constraints: {
        orders_pkey: { name: 'orders_pkey', type: 'primary', definition: 'PRIMARY KEY (id)' },
        orders_user_fkey: {
          name: 'orders_user_fkey',
          type: 'foreign',
          definition: 'FOREIGN KEY (id) REFERENCES public.users(id)',
          references: 'table:public.users',
        },
      },
      unlogged: true,
    });
    expect(createTableSql(orders)).toBe(
      'CREATE UNLOGGED TABLE public.orders (\n    id integer NOT NULL,\n    note text COLLATE "C" DEFAULT \'\'::text,\n    CONSTRAINT orders_pkey PRIMARY KEY (id)\n);',
    );
  });

  it('writes a partition of its parent with its bound', () => {
    const partition = table('events_2024', [id], {
      partitionOf: {
        parent: 'table:public.events',
        bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
      },
    });
    expect(createTableSql(partition)).toBe(
      "CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');",
    );
    expect(createTableSql(table('events', [id], { partitionBy: 'RANGE (id)' }))).toBe(
      'CREATE TABLE public.events (\n    id integer NOT NULL\n) PARTITION BY RANGE (id);',
    );
    expect(createTableSql(table('empty', []))).toBe('CREATE TABLE public.empty ();');
  });
});

describe('table kind', () => {
  it('creates a table, then its foreign keys, row security and comments', () => {
    const users = table('users', [id], {
      constraints: {
        users_pkey: {
          name: 'users_pkey',
          type: 'primary',
          definition: 'PRIMARY KEY (id)',
          indexComment: 'pk',
        },
      },
    });
    const orders = table('orders', [id, column('user_id', 'integer', { comment: 'who' })], {
      constraints: {
        orders_user_id_fkey: {
          name: 'orders_user_id_fkey',
          type: 'foreign',
          definition: 'FOREIGN KEY (user_id) REFERENCES public.users(id)',
          references: 'table:public.users',
        },
      },
      rowSecurity: true,
      forceRowSecurity: true,
      comment: 'orders',
    });
    const desired = catalogOf({
      tables: tables(users, orders),
      dependencies: {
        'constraint:public.orders.orders_user_id_fkey': ['constraint:public.users.users_pkey'],
      },
    });
    const { up, down } = diffBothWays(catalogOf({}), desired);
    expect(up.sql).toEqual([
      'CREATE TABLE public.orders (\n    id integer NOT NULL,\n    user_id integer\n);',
      'CREATE TABLE public.users (\n    id integer NOT NULL,\n    CONSTRAINT users_pkey PRIMARY KEY (id)\n);',
      'ALTER TABLE public.orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);',
      'ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;',
      'ALTER TABLE public.orders FORCE ROW LEVEL SECURITY;',
      "COMMENT ON COLUMN public.orders.user_id IS 'who';",
      "COMMENT ON TABLE public.orders IS 'orders';",
      "COMMENT ON INDEX public.users_pkey IS 'pk';",
    ]);
    expect(up.changes).toEqual(['+ table public.orders', '+ table public.users']);
    // The foreign key goes with its table, which goes before the table it references.
    expect(down.sql).toEqual(['DROP TABLE public.orders;', 'DROP TABLE public.users;']);
  });

  it('drops a table with everything that goes with it, and nothing of it on its own', () => {
    const users = table('users', [id, column('email', 'text')]);
    const current = catalogOf({
      tables: tables(users),
      indexes: keyed(indexKind, {
        schema: 'public',
        name: 'users_email',
        table: 'table:public.users',
        definition: 'CREATE INDEX users_email ON public.users USING btree (email)',
      }),
      sequences: keyed(sequenceKind, {
        schema: 'public',
        name: 'users_id_seq',
        type: 'integer',
        start: '1',
        increment: '1',
        min: '1',
        max: '2147483647',
        cache: '1',
        cycle: false,
        ownedBy: { table: 'table:public.users', column: 'id' },
      }),
    });
    const { up } = diffBothWays(current, catalogOf({}));
    expect(up.sql).toEqual(['DROP TABLE public.users;']);
    expect(up.changes).toEqual([
      '- table public.users',
      '- sequence public.users_id_seq',
      '- index public.users_email',
    ]);
  });

  it('drops the foreign keys of a cycle of dropped tables first', () => {
    const fk = (from: string, to: string) => ({
      [`${from}_${to}_fkey`]: {
        name: `${from}_${to}_fkey`,
        type: 'foreign' as const,
        definition: `FOREIGN KEY (id) REFERENCES public.${to}(id)`,
        references: `table:public.${to}`,
      },
    });
    const current = catalogOf({
      tables: tables(
        table('a', [id], { constraints: fk('a', 'b') }),
        table('b', [id], { constraints: fk('b', 'a') }),
      ),
    });
    expect(diffBothWays(current, catalogOf({})).up.sql).toEqual([
      'ALTER TABLE public.a DROP CONSTRAINT a_b_fkey;',
      'ALTER TABLE public.b DROP CONSTRAINT b_a_fkey;',
      'DROP TABLE public.a;',
      'DROP TABLE public.b;',
    ]);
  });

  it('drops a partition with its dropped parent, not on its own', () => {
    const parent = table('events', [id], { partitionBy: 'RANGE (id)' });
    const child = table('events_1', [id], {
      partitionOf: { parent: 'table:public.events', bound: 'FOR VALUES FROM (1) TO (9)' },
    });
    const { up } = diffBothWays(catalogOf({ tables: tables(parent, child) }), catalogOf({}));
    expect(up.sql).toEqual(['DROP TABLE public.events;']);
    expect(up.changes).toEqual(['- table public.events', '- table public.events_1']);
  });

  it('refuses to change a partition key in place, with the way to do it by hand', () => {
    const run = (before: string | undefined, after: string | undefined) => () =>
      diffCatalogs(
        catalogOf({ tables: tables(table('events', [id], { partitionBy: before })) }),
        catalogOf({ tables: tables(table('events', [id], { partitionBy: after })) }),
      );
    expect(run(undefined, 'RANGE (id)')).toThrow(UnsupportedChangeError);
    expect(run(undefined, 'RANGE (id)')).toThrow(
      'The partition key of table public.events changes (not partitioned -> RANGE (id)): Postgres cannot change',
    );
    expect(run('RANGE (id)', 'LIST (id)')).toThrow('(RANGE (id) -> LIST (id))');
    expect(run('RANGE (id)', undefined)).toThrow('ATTACH PARTITION public.events FOR VALUES');
  });

  it('writes storage parameters on CREATE and changes them in place', () => {
    const tuned = table('t', [id], { options: ['fillfactor=70', 'toast.autovacuum_enabled=false'] });
    expect(createTableSql(tuned)).toBe(
      'CREATE TABLE public.t (\n    id integer NOT NULL\n) WITH (fillfactor=70, toast.autovacuum_enabled=false);',
    );
    const { up, down } = diffBothWays(
      catalogOf({ tables: tables(table('t', [id], { options: ['fillfactor=70'] })) }),
      catalogOf({
        tables: tables(table('t', [id], { options: ['fillfactor=80', 'autovacuum_enabled=false'] })),
      }),
    );
    expect(up.sql).toEqual(['ALTER TABLE public.t SET (fillfactor=80, autovacuum_enabled=false);']);
    expect(up.changes).toEqual([
      '~ table public.t storage parameters: fillfactor=70 -> fillfactor=80, autovacuum_enabled=false',
    ]);
    expect(down.sql).toEqual([
      'ALTER TABLE public.t SET (fillfactor=70);',
      'ALTER TABLE public.t RESET (autovacuum_enabled);',
    ]);
  });

  it('writes an inheritance child with its parents and a partition with its options', () => {
    const child = table('c', [{ ...id, inherited: 'only' }, column('b', 'int')], {
      inherits: ['table:public.p', 'table:other.q'],
    });
    expect(createTableSql(child)).toBe('CREATE TABLE public.c (\n    b int\n) INHERITS (public.p, other.q);');
    const partition = table('m1', [], {
      partitionOf: { parent: 'table:public.m', bound: 'DEFAULT' },
      partitionBy: 'LIST (k)',
      options: ['fillfactor=90'],
    });
    expect(createTableSql(partition)).toBe(
      'CREATE TABLE public.m1 PARTITION OF public.m DEFAULT PARTITION BY LIST (k) WITH (fillfactor=90);',
    );
  });

  it('changes persistence, row security and comment in place', () => {
    const before = table('t', [id]);
    const after = table('t', [id], { unlogged: true, rowSecurity: true, comment: 'x' });
    const { up, down } = diffBothWays(
      catalogOf({ tables: tables(before) }),
      catalogOf({ tables: tables(after) }),
    );
    expect(up.sql).toEqual([
      'ALTER TABLE public.t SET UNLOGGED;',
      'ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;',
      "COMMENT ON TABLE public.t IS 'x';",
    ]);
    expect(up.changes).toEqual([
      '~ table public.t row level security: false -> true',
      '~ table public.t unlogged: false -> true',
      '~ table public.t comment: (none) -> x',
    ]);
    expect(down.sql).toEqual([
      'ALTER TABLE public.t SET LOGGED;',
      'ALTER TABLE public.t DISABLE ROW LEVEL SECURITY;',
      'COMMENT ON TABLE public.t IS NULL;',
    ]);
  });

  it('names what it, its keys and its identity columns take in the relation namespace, and compares columns by name', () => {
    const t = table(
      't',
      [
        column('b', 'int'),
        column('a', 'int', {
          identity: {
            always: true,
            sequenceName: 't_a_seq',
            type: 'integer',
            start: '1',
            increment: '1',
            min: '1',
            max: '2147483647',
            cache: '1',
            cycle: false,
          },
        }),
      ],
      {
        constraints: {
          t_pkey: { name: 't_pkey', type: 'primary', definition: 'PRIMARY KEY (a)' },
          t_b_check: { name: 't_b_check', type: 'check', definition: 'CHECK ((b > 0))' },
        },
      },
    );
    expect(tableKind.relationNames?.(t).map((n) => n.name)).toEqual(['t']);
    const a = t.columns[1];
    expect(columnKind.relationNames?.({ table: t, column: a }).map((n) => n.name)).toEqual(['t_a_seq']);
    const named = Object.values(t.constraints).map((constraint) => ({ table: t, constraint }));
    expect(named.flatMap((entry) => constraintKind.relationNames?.(entry) ?? []).map((n) => n.name)).toEqual([
      't_pkey',
    ]);
    const copy = structuredClone(t);
    tableKind.comparable?.(copy);
    expect(copy.columns.map((c) => c.name)).toEqual(['a', 'b']);
  });
});
