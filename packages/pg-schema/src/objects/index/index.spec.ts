import { loadSqlParser } from '@bakery-ia/init-manager';
import { catalogOf, diffBothWays, keyed, table, tables } from '../test-support/catalogs';
import { indexKind } from './index.kind';
import type { IndexInfo } from './index.model';
import { createIndexSql } from './index.sql';

const byEmail = (changes: Partial<IndexInfo> = {}): IndexInfo => ({
  schema: 'public',
  name: 'users_email_idx',
  table: 'table:public.users',
  definition: 'CREATE INDEX users_email_idx ON public.users USING btree (email)',
  ...changes,
});
const withIndex = (index: IndexInfo) => catalogOf({ indexes: keyed(indexKind, index) });

beforeAll(() => loadSqlParser());

describe('index kind', () => {
  it('creates an index after its table and drops it', () => {
    const diff = diffBothWays(catalogOf({}), withIndex(byEmail({ comment: 'login' })));
    expect(diff.up.sql).toEqual([
      'CREATE INDEX users_email_idx ON public.users USING btree (email);',
      "COMMENT ON INDEX public.users_email_idx IS 'login';",
    ]);
    expect(diff.down.sql).toEqual(['DROP INDEX public.users_email_idx;']);
  });

  it('builds an index of a partitioned table on the partitions too (no ON ONLY)', () => {
    const index = byEmail({
      definition: 'CREATE INDEX users_email_idx ON ONLY public.users USING btree (email)',
    });
    expect(createIndexSql(index)).toBe('CREATE INDEX users_email_idx ON public.users USING btree (email);');
  });

  it('recreates an index whose definition changes, keeping what is unchanged', () => {
    const unique = byEmail({
      definition: 'CREATE UNIQUE INDEX users_email_idx ON public.users USING btree (email)',
    });
    const { up } = diffBothWays(withIndex(byEmail()), withIndex(unique));
    expect(up.sql).toEqual([
      'DROP INDEX public.users_email_idx;',
      'CREATE UNIQUE INDEX users_email_idx ON public.users USING btree (email);',
    ]);
    expect(up.changes).toEqual([
      '~ index public.users_email_idx definition: CREATE INDEX users_email_idx ON public.users USING btree (email) -> CREATE UNIQUE INDEX users_email_idx ON public.users USING btree (email)',
    ]);
    expect(diffBothWays(withIndex(byEmail()), withIndex(byEmail({ comment: 'x' }))).up.sql).toEqual([
      "COMMENT ON INDEX public.users_email_idx IS 'x';",
    ]);
  });

  it('goes with its table and takes a relation name', () => {
    expect(indexKind.dropsWith?.(byEmail())).toBe('table:public.users');
    expect(indexKind.relationNames?.(byEmail())).toEqual([{ schema: 'public', name: 'users_email_idx' }]);
  });

  it('changes storage parameters in place, in any order, except on a partitioned table', () => {
    const tuned = (options: string[]) =>
      byEmail({
        definition: `CREATE INDEX users_email_idx ON public.users USING btree (email) WITH (${options.join(', ')})`,
        options,
      });
    const { up, down } = diffBothWays(withIndex(byEmail()), withIndex(tuned(['fillfactor=50'])));
    expect(up.sql).toEqual(['ALTER INDEX public.users_email_idx SET (fillfactor=50);']);
    expect(up.changes).toEqual([
      '~ index public.users_email_idx storage parameters: (none) -> fillfactor=50',
    ]);
    expect(down.sql).toEqual(['ALTER INDEX public.users_email_idx RESET (fillfactor);']);
    const swapped = diffBothWays(
      withIndex(tuned(['fillfactor=50', 'deduplicate_items=off'])),
      withIndex(tuned(['deduplicate_items=off', 'fillfactor=50'])),
    );
    expect(swapped.up).toMatchObject({ sql: [], changes: [] });
    const copy = structuredClone(tuned(['fillfactor=50', 'deduplicate_items=off']));
    indexKind.comparable?.(copy);
    const other = structuredClone(tuned(['deduplicate_items=off', 'fillfactor=50']));
    indexKind.comparable?.(other);
    expect(copy).toEqual(other);
    const partitioned = (index: IndexInfo) =>
      catalogOf({
        tables: tables(table('users', [], { partitionBy: 'RANGE (email)' })),
        indexes: keyed(indexKind, index),
      });
    expect(diffBothWays(partitioned(byEmail()), partitioned(tuned(['fillfactor=50']))).up.sql).toEqual([
      'DROP INDEX public.users_email_idx;',
      'CREATE INDEX users_email_idx ON public.users USING btree (email) WITH (fillfactor=50);',
    ]);
  });
});
