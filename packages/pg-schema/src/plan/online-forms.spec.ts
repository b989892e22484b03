import type { Catalog } from '../catalog/catalog';
import { diffCatalogs } from '../diff/diff';
import { catalogOf, column, table } from '../objects/test-support/catalogs';
import { renderMigrationText } from '../render/migration-text';
import { helperName, parseKeyDefinition } from './online-forms';

const customers = table('customers', [column('id', 'integer', { notNull: true })], {
  constraints: {
    customers_pkey: { name: 'customers_pkey', type: 'primary', definition: 'PRIMARY KEY (id)' },
  },
});
const plainOrders = table('orders', [
  column('id', 'integer', { notNull: true }),
  column('customer_id', 'integer'),
  column('code', 'text'),
]);
const orders = table(
  'orders',
  [
    column('id', 'integer', { notNull: true }),
    column('customer_id', 'integer', { notNull: true }),
    column('code', 'text'),
  ],
  {
    constraints: {
      orders_code_key: { name: 'orders_code_key', type: 'unique', definition: 'UNIQUE (code)' },
      orders_customer_id_fkey: {
        name: 'orders_customer_id_fkey',
        type: 'foreign',
        definition: 'FOREIGN KEY (customer_id) REFERENCES public.customers(id)',
        references: 'table:public.customers',
      },
    },
  },
);
const index = {
  schema: 'public',
  name: 'orders_customer_idx',
  table: 'table:public.orders',
  definition: 'CREATE INDEX orders_customer_idx ON public.orders USING btree (customer_id)',
};

function schema(ordersTable: typeof orders, withIndex: boolean): Catalog {
  return catalogOf({
    tables: { 'table:public.customers': customers, 'table:public.orders': ordersTable },
    indexes: withIndex ? { 'index:public.orders_customer_idx': index } : {},
  });
}

const stepsText = (current: Catalog, desired: Catalog, online: boolean) =>
  diffCatalogs(current, desired, { online }).steps.map(
    (step) =>
      `${step.phase}${step.transactional ? '' : ' (no transaction)'}:\n  ${step.statements.join('\n  ')}`,
  );

describe('online forms', () => {
  const before = schema(plainOrders, false);
  const after = schema(orders, true);

  it('writes index builds, keys, foreign keys and NOT NULL of an existing table in ordered online steps', () => {
    expect(stepsText(before, after, true)).toEqual([
      'main:\n' +
        '  ALTER TABLE public.orders ADD CONSTRAINT customer_id_not_null_tmp CHECK (customer_id IS NOT NULL) NOT VALID;\n' +
        '  ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id) NOT VALID;',
      'concurrent (no transaction):\n' +
        '  CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_code_key ON public.orders USING btree (code);\n' +
        '  CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_idx ON public.orders USING btree (customer_id);',
      'validate:\n' +
        '  ALTER TABLE public.orders VALIDATE CONSTRAINT customer_id_not_null_tmp;\n' +
        '  ALTER TABLE public.orders VALIDATE CONSTRAINT orders_customer_id_fkey;',
      'post:\n' +
        '  ALTER TABLE public.orders ALTER COLUMN customer_id SET NOT NULL;\n' +
        '  ALTER TABLE public.orders DROP CONSTRAINT customer_id_not_null_tmp;\n' +
        '  ALTER TABLE public.orders ADD CONSTRAINT orders_code_key UNIQUE USING INDEX orders_code_key;',
    ]);
  });

  it('drops an index of an existing table concurrently in the down direction', () => {
    const down = stepsText(after, before, true);
    expect(down[down.length - 1]).toBe(
      'concurrent (no transaction):\n  DROP INDEX CONCURRENTLY IF EXISTS public.orders_customer_idx;',
    );
  });

  it('writes the plain forms in one transactional step when online forms are off', () => {
    expect(stepsText(before, after, false)).toEqual([
      'main:\n' +
        '  ALTER TABLE public.orders ALTER COLUMN customer_id SET NOT NULL;\n' +
        '  ALTER TABLE public.orders ADD CONSTRAINT orders_code_key UNIQUE (code);\n' +
        '  CREATE INDEX orders_customer_idx ON public.orders USING btree (customer_id);\n' +
        '  ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id);',
    ]);
  });

  it('keeps the plain forms on a table the migration creates', () => {
    const empty = catalogOf({ tables: { 'table:public.customers': customers } });
    const text = stepsText(empty, after, true).join('\n');
    expect(text).not.toMatch(/CONCURRENTLY|NOT VALID|VALIDATE/);
  });

  it('keeps the plain forms on a partitioned table and on a partition', () => {
    const partitioned = (t: typeof orders) => ({ ...t, partitionBy: 'RANGE (id)' });
    const text = stepsText(
      schema(partitioned(plainOrders), false),
      schema(partitioned(orders), true),
      true,
    ).join('\n');
    expect(text).not.toMatch(/CONCURRENTLY|NOT VALID|VALIDATE/);
  });

  it('renders each step as its own section, transaction:false for the concurrent ones', () => {
    const diff = diffCatalogs(before, after, { online: true });
    const text = renderMigrationText({ up: diff.steps, down: [], changes: diff.changes, lint: [] });
    const sections = text.split('\n').filter((line) => line.startsWith('-- migrate:'));
    expect(sections).toEqual([
      '-- migrate:up',
      '-- migrate:up transaction:false',
      '-- migrate:up',
      '-- migrate:up',
      '-- migrate:down',
    ]);
  });
});

describe('parseKeyDefinition', () => {
  it('reads what a unique index can carry', () => {
    expect(
      parseKeyDefinition('UNIQUE NULLS NOT DISTINCT (a, "B c") INCLUDE (d) DEFERRABLE INITIALLY DEFERRED'),
    ).toEqual({
      columns: 'a, "B c"',
      names: ['a', 'B c'],
      include: 'd',
      with: undefined,
      nullsNotDistinct: true,
      deferrable: ' DEFERRABLE INITIALLY DEFERRED',
    });
    expect(parseKeyDefinition('PRIMARY KEY (id)')?.names).toEqual(['id']);
  });

  it('leaves what it cannot carry to the plain form', () => {
    expect(parseKeyDefinition('UNIQUE (a) USING INDEX TABLESPACE fast')).toBeUndefined();
    expect(parseKeyDefinition('EXCLUDE USING gist (r WITH &&)')).toBeUndefined();
  });
});

describe('helperName', () => {
  it('stays within 63 bytes and apart for long column names', () => {
    const long = 'x'.repeat(60);
    expect(helperName('email')).toBe('email_not_null_tmp');
    expect(Buffer.byteLength(helperName(long))).toBeLessThanOrEqual(63);
    expect(helperName(long)).not.toBe(helperName(`${long}y`));
  });
});
