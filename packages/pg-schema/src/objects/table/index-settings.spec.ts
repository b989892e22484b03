import type { IndexInfo, TableInfo } from '../../catalog/catalog';
import { catalogOf, column, diffBothWays, keyed, table, tables } from '../test-support/catalogs';
import { indexKind } from '../index/index.kind';
import { replicaIdentitySql } from './index-settings.diff';

const id = column('id', 'integer', { notNull: true });
const pkey = { t_pkey: { name: 't_pkey', type: 'primary' as const, definition: 'PRIMARY KEY (id)' } };
const byId = (definition = 'CREATE UNIQUE INDEX t_id ON public.t USING btree (id)'): IndexInfo => ({
  schema: 'public',
  name: 't_id',
  table: 'table:public.t',
  definition,
});
const withTable = (extra: Partial<TableInfo>, ...indexes: IndexInfo[]) =>
  catalogOf({
    tables: tables(table('t', [id], { constraints: pkey, ...extra })),
    indexes: keyed(indexKind, ...indexes),
  });

describe('replica identity', () => {
  it('writes each form', () => {
    expect(
      [undefined, 'full' as const, 'nothing' as const, { index: 'Odd' }].map(replicaIdentitySql),
    ).toEqual(['DEFAULT', 'FULL', 'NOTHING', 'USING INDEX "Odd"']);
  });

  it('uses an index after it is created, and leaves it before it is dropped', () => {
    const { up, down } = diffBothWays(
      withTable({}),
      withTable({ replicaIdentity: { index: 't_id' } }, byId()),
    );
    expect(up.sql).toEqual([
      'CREATE UNIQUE INDEX t_id ON public.t USING btree (id);',
      'ALTER TABLE public.t REPLICA IDENTITY USING INDEX t_id;',
    ]);
    expect(up.changes).toEqual([
      '+ index public.t_id',
      '~ table public.t replica identity: default -> index t_id',
    ]);
    expect(down.sql).toEqual(['ALTER TABLE public.t REPLICA IDENTITY DEFAULT;', 'DROP INDEX public.t_id;']);
  });

  it('is set again on an index that is created again, and on a key constraint', () => {
    const before = withTable({ replicaIdentity: { index: 't_id' } }, byId());
    const after = withTable(
      { replicaIdentity: { index: 't_id' } },
      byId('CREATE UNIQUE INDEX t_id ON public.t USING btree (id) INCLUDE (id)'),
    );
    expect(diffBothWays(before, after).up.sql).toEqual([
      'DROP INDEX public.t_id;',
      'CREATE UNIQUE INDEX t_id ON public.t USING btree (id) INCLUDE (id);',
      'ALTER TABLE public.t REPLICA IDENTITY USING INDEX t_id;',
    ]);
    expect(diffBothWays(withTable({}), withTable({ replicaIdentity: { index: 't_pkey' } })).up.sql).toEqual([
      'ALTER TABLE public.t REPLICA IDENTITY USING INDEX t_pkey;',
    ]);
  });
});

describe('CLUSTER ON', () => {
  it('marks an index after it exists and unmarks a kept one', () => {
    const { up, down } = diffBothWays(
      withTable({ clusterOn: 't_pkey' }),
      withTable({ clusterOn: 't_id' }, byId()),
    );
    expect(up.sql).toEqual([
      'CREATE UNIQUE INDEX t_id ON public.t USING btree (id);',
      'ALTER TABLE public.t CLUSTER ON t_id;',
    ]);
    expect(up.changes).toContain('~ table public.t cluster on: t_pkey -> t_id');
    expect(down.sql).toEqual(['ALTER TABLE public.t CLUSTER ON t_pkey;', 'DROP INDEX public.t_id;']);
    expect(diffBothWays(withTable({ clusterOn: 't_pkey' }), withTable({})).up.sql).toEqual([
      'ALTER TABLE public.t SET WITHOUT CLUSTER;',
    ]);
  });

  it('lets a dropped index take its mark along', () => {
    expect(diffBothWays(withTable({ clusterOn: 't_id' }, byId()), withTable({})).up.sql).toEqual([
      'DROP INDEX public.t_id;',
    ]);
  });
});
