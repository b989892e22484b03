import type { ColumnInfo } from '../../catalog/catalog';
import { catalogOf, column, diffBothWays, table, tables } from '../test-support/catalogs';

const withColumn = (c: ColumnInfo) => catalogOf({ tables: tables(table('t', [c])) });
const doc = (extra: Partial<ColumnInfo> = {}) => column('doc', 'text', extra);

describe('column storage, statistics and compression', () => {
  it('sets them in place and back to the defaults the other way', () => {
    const tuned = doc({
      storage: 'external',
      defaultStorage: 'extended',
      statistics: 500,
      compression: 'pglz',
    });
    const { up, down } = diffBothWays(withColumn(doc()), withColumn(tuned));
    expect(up.sql).toEqual([
      'ALTER TABLE public.t ALTER COLUMN doc SET STORAGE EXTERNAL, ALTER COLUMN doc SET STATISTICS 500, ALTER COLUMN doc SET COMPRESSION pglz;',
    ]);
    expect(up.changes).toEqual([
      '~ column public.t.doc storage: (none) -> external',
      '~ column public.t.doc statistics: (none) -> 500',
      '~ column public.t.doc compression: (none) -> pglz',
    ]);
    expect(down.sql).toEqual([
      'ALTER TABLE public.t ALTER COLUMN doc SET STORAGE EXTENDED, ALTER COLUMN doc SET STATISTICS -1, ALTER COLUMN doc SET COMPRESSION DEFAULT;',
    ]);
  });

  it('sets storage and compression again after a retype, which resets them (statistics stay)', () => {
    const before = doc({ storage: 'main', defaultStorage: 'extended', compression: 'pglz', statistics: 50 });
    const after = { ...before, type: 'character varying(40)' };
    const { up } = diffBothWays(withColumn(before), withColumn(after));
    expect(up.sql).toEqual([
      'ALTER TABLE public.t ALTER COLUMN doc TYPE character varying(40) USING doc::character varying(40);',
      'ALTER TABLE public.t ALTER COLUMN doc SET STORAGE MAIN, ALTER COLUMN doc SET COMPRESSION pglz;',
    ]);
    expect(up.changes).toEqual(['~ column public.t.doc type: text -> character varying(40)']);
  });

  it('sets them on a new table after its CREATE', () => {
    const { up } = diffBothWays(catalogOf({}), withColumn(doc({ statistics: 20 })));
    expect(up.sql).toEqual([
      'CREATE TABLE public.t (\n    doc text\n);',
      'ALTER TABLE public.t ALTER COLUMN doc SET STATISTICS 20;',
    ]);
  });
});
