import type { ConstraintInfo, IndexInfo, TableInfo } from '../../catalog/catalog';
import { catalogOf, column, diffBothWays, table, tables } from '../test-support/catalogs';
import {
  changeParentLinks,
  comparableInheritance,
  JOIN_PARENT_RANK,
  LEAVE_PARENT_RANK,
} from './table-parents';

const id = column('id', 'bigint', { notNull: true });
const day = column('day', 'date', { notNull: true });
const inherited = (c: ReturnType<typeof column>) => ({ ...c, inherited: 'only' as const });
const check: ConstraintInfo = { name: 'orders_id_check', type: 'check', definition: 'CHECK ((id > 0))' };
const parent = table('orders', [id, day], {
  partitionBy: 'RANGE (day)',
  constraints: { orders_id_check: check },
});
const bound = "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')";
const partitionIndex: IndexInfo = {
  schema: 'public',
  name: 'orders_2025_day_idx',
  table: 'table:public.orders_2025',
  definition: 'CREATE INDEX orders_2025_day_idx ON public.orders_2025 USING btree (day)',
};
const partition = (extra: Partial<TableInfo> = {}) =>
  table('orders_2025', [inherited(id), inherited(day)], {
    partitionOf: { parent: 'table:public.orders', bound },
    inherited: { constraints: { orders_id_check: check }, indexes: { orders_2025_day_idx: partitionIndex } },
    ...extra,
  });
const standalone = table('orders_2025', [id, day]);

describe('partitions that join and leave their parent', () => {
  it('makes a table the parent needs, then attaches it; detaches it first the other way', () => {
    const { up, down } = diffBothWays(
      catalogOf({ tables: tables(parent, standalone) }),
      catalogOf({ tables: tables(parent, partition()) }),
    );
    expect(up.sql).toEqual([
      'ALTER TABLE public.orders_2025 ADD CONSTRAINT orders_id_check CHECK ((id > 0));',
      'CREATE INDEX orders_2025_day_idx ON public.orders_2025 USING btree (day);',
      `ALTER TABLE public.orders ATTACH PARTITION public.orders_2025 ${bound};`,
    ]);
    expect(up.changes[0]).toBe(`~ table public.orders_2025 partition of: (none) -> public.orders ${bound}`);
    // DETACH keeps what the partition inherited: the table of its own drops what it does not declare.
    expect(down.sql).toEqual([
      'ALTER TABLE public.orders DETACH PARTITION public.orders_2025;',
      'DROP INDEX public.orders_2025_day_idx;',
      'ALTER TABLE public.orders_2025 DROP CONSTRAINT orders_id_check;',
    ]);
  });

  it('detaches and attaches again for a new bound', () => {
    const wider = partition({
      partitionOf: {
        parent: 'table:public.orders',
        bound: "FOR VALUES FROM ('2025-01-01') TO ('2027-01-01')",
      },
    });
    const { up } = diffBothWays(
      catalogOf({ tables: tables(parent, partition()) }),
      catalogOf({ tables: tables(parent, wider) }),
    );
    expect(up.sql).toEqual([
      'ALTER TABLE public.orders DETACH PARTITION public.orders_2025;',
      "ALTER TABLE public.orders ATTACH PARTITION public.orders_2025 FOR VALUES FROM ('2025-01-01') TO ('2027-01-01');",
    ]);
  });

  it('sees each side on its own: after the detach, before the attach', () => {
    const links = changeParentLinks(
      catalogOf({ tables: tables(parent, partition()) }),
      catalogOf({ tables: tables(parent, standalone) }),
    );
    const detached = links.current.tables['table:public.orders_2025'];
    expect(detached.partitionOf).toBeUndefined();
    expect(detached.columns.map((c) => c.inherited)).toEqual([undefined, undefined]);
    expect(Object.keys(detached.constraints)).toEqual(['orders_id_check']);
    expect(links.current.indexes['index:public.orders_2025_day_idx']?.table).toBe('table:public.orders_2025');
    expect(links.statements.map((s) => s.rank)).toEqual([LEAVE_PARENT_RANK]);
    expect(LEAVE_PARENT_RANK).toBeLessThan(JOIN_PARENT_RANK);
    // The desired side is untouched, and so are the catalogs passed in.
    expect(links.desired.tables['table:public.orders_2025']).toBe(standalone);
  });
});

describe('inheritance children that gain and lose a parent', () => {
  const vehicles = table('vehicles', [id, column('plate', 'text')], {
    constraints: {
      vehicles_plate_check: {
        name: 'vehicles_plate_check',
        type: 'check',
        definition: "CHECK ((plate <> ''::text))",
      },
    },
  });
  const vans = table('vans', [id, column('capacity', 'integer')]);
  const child = table(
    'vans',
    [inherited(id), inherited(column('plate', 'text')), column('capacity', 'integer')],
    {
      inherits: ['table:public.vehicles'],
      inherited: {
        constraints: {
          vehicles_plate_check: {
            name: 'vehicles_plate_check',
            type: 'check',
            definition: "CHECK ((plate <> ''::text))",
          },
        },
        indexes: {},
      },
    },
  );

  it('adds the columns and CHECK constraints the parent needs, then INHERIT; NO INHERIT first the other way', () => {
    const { up, down } = diffBothWays(
      catalogOf({ tables: tables(vehicles, vans) }),
      catalogOf({ tables: tables(vehicles, child) }),
    );
    expect(up.sql).toEqual([
      'ALTER TABLE public.vans ADD COLUMN plate text;',
      "ALTER TABLE public.vans ADD CONSTRAINT vehicles_plate_check CHECK ((plate <> ''::text));",
      'ALTER TABLE public.vans INHERIT public.vehicles;',
    ]);
    expect(up.changes[0]).toBe('~ table public.vans inherits: (none) -> public.vehicles');
    expect(down.sql).toEqual([
      'ALTER TABLE public.vans NO INHERIT public.vehicles;',
      'ALTER TABLE public.vans DROP CONSTRAINT vehicles_plate_check;',
      'ALTER TABLE public.vans DROP COLUMN plate;',
    ]);
  });

  it('compares without what Postgres names or cannot change', () => {
    const copy = structuredClone({
      ...child,
      inherits: ['table:public.b', 'table:public.a'],
      options: ['b=1', 'a=2'],
    });
    copy.columns[0].inherited = 'merged';
    comparableInheritance(copy);
    expect(copy.inherited).toBeUndefined();
    expect(copy.columns.map((c) => c.inherited)).toEqual(['only', 'only', undefined]);
    expect(copy.inherits).toEqual(['table:public.a', 'table:public.b']);
    expect(copy.options).toEqual(['a=2', 'b=1']);
  });
});
