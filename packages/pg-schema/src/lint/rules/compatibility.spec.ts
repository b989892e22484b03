import { loadSqlParser } from '@bakery-ia/init-manager';
import { lintRule } from './lint-test-support';

beforeAll(() => loadSqlParser());

describe('compatibility rules', () => {
  it('rename: tables and columns that existed before, qualified with public by default', () => {
    expect(
      lintRule('rename', 'ALTER TABLE users RENAME TO accounts;\nALTER TABLE s.t RENAME COLUMN a TO b;'),
    ).toEqual([
      '1 warning rename: renaming public.users breaks code that still uses the old name during a rolling deploy',
      '2 warning rename: renaming s.t.a breaks code that still uses the old name during a rolling deploy',
    ]);
    expect(
      lintRule(
        'rename',
        'CREATE TABLE t (a int);\nALTER TABLE t RENAME COLUMN a TO b;\nALTER TABLE t RENAME TO u;',
      ),
    ).toEqual([]);
  });

  it('virtual-set-expression: a warning on a virtual column only (a publication refuses it)', () => {
    const context = {
      columns: new Map([
        ['public.orders.total', { type: 'integer', notNull: false, virtual: true }],
        ['public.orders.stored', { type: 'integer', notNull: false }],
      ]),
    };
    expect(
      lintRule(
        'virtual-set-expression',
        'ALTER TABLE orders ALTER COLUMN total SET EXPRESSION AS (qty * 3);\nALTER TABLE orders ALTER COLUMN stored SET EXPRESSION AS (qty * 3);',
        context,
      ),
    ).toEqual([
      '1 warning virtual-set-expression: SET EXPRESSION on the virtual column public.orders.total fails while public.orders is in a publication (PostgreSQL 18 refuses it): check the databases it runs on, or drop the column and add it again',
    ]);
  });

  it('drop-not-null: info on existing tables', () => {
    expect(lintRule('drop-not-null', 'ALTER TABLE users ALTER COLUMN email DROP NOT NULL;')).toEqual([
      '1 info drop-not-null: DROP NOT NULL on public.users.email: code that assumes a value may now read NULL',
    ]);
  });
});
