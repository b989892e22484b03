import type { ColumnInfo, TableInfo } from '../../catalog/catalog';
import { catalogOf, column, diffBothWays, table, tables } from '../test-support/catalogs';
import { copyOnAdd, copyOnCreate, propagated } from './inherited-members.diff';

const id = column('id', 'bigint', { notNull: true });
const only = (c: ColumnInfo): ColumnInfo => ({ ...c, inherited: 'only' });
const partitioned = (...columns: ColumnInfo[]) => table('m', columns, { partitionBy: 'RANGE (id)' });
const partition = (name: string, ...columns: ColumnInfo[]) =>
  table(name, columns.map(only), {
    partitionOf: { parent: 'table:public.m', bound: 'FOR VALUES FROM (0) TO (9)' },
  });
const catalog = (...list: TableInfo[]) => catalogOf({ tables: tables(...list) });

describe('columns of partitions follow their parent', () => {
  it('adds, retypes and drops a column on the parent only', () => {
    const v = column('v', 'integer');
    const wider = column('v', 'bigint', { default: '0' });
    const added = diffBothWays(
      catalog(partitioned(id), partition('m1', id)),
      catalog(partitioned(id, v), partition('m1', id, v)),
    );
    expect(added.up.sql).toEqual(['ALTER TABLE public.m ADD COLUMN v integer;']);
    expect(added.up.changes).toEqual([
      '+ column public.m.v',
      '+ column public.m1.v (with its parent column)',
    ]);
    expect(added.down.sql).toEqual(['ALTER TABLE public.m DROP COLUMN v;']);
    expect(added.down.changes).toEqual([
      '- column public.m.v',
      '- column public.m1.v (with its parent column)',
    ]);
    const retyped = diffBothWays(
      catalog(partitioned(id, v), partition('m1', id, v)),
      catalog(partitioned(id, wider), partition('m1', id, wider)),
    );
    expect(retyped.up.sql).toEqual([
      'ALTER TABLE public.m ALTER COLUMN v TYPE bigint USING v::bigint, ALTER COLUMN v SET DEFAULT 0;',
    ]);
  });

  it("writes a partition's own default and comment after the parent's change", () => {
    const v = column('v', 'integer', { default: '1' });
    const own = column('v', 'integer', { default: '7', comment: 'local' });
    const { up } = diffBothWays(
      catalog(partitioned(id, v), partition('m1', id, v)),
      catalog(partitioned(id, column('v', 'integer', { default: '2' })), partition('m1', id, own)),
    );
    expect(up.sql).toEqual([
      'ALTER TABLE public.m ALTER COLUMN v SET DEFAULT 2;',
      'ALTER TABLE public.m1 ALTER COLUMN v SET DEFAULT 7;',
      "COMMENT ON COLUMN public.m1.v IS 'local';",
    ]);
  });

  it('gives a new partition what its parent does not copy', () => {
    const v = column('v', 'text', { statistics: 100 });
    const { up } = diffBothWays(
      catalog(partitioned(id, v)),
      catalog(partitioned(id, v), partition('m1', id, column('v', 'text', { statistics: 100 }))),
    );
    expect(up.sql).toEqual([
      'CREATE TABLE public.m1 PARTITION OF public.m FOR VALUES FROM (0) TO (9);',
      'ALTER TABLE public.m1 ALTER COLUMN v SET STATISTICS 100;',
    ]);
  });
});

describe('columns of inheritance children', () => {
  const parent = (...columns: ColumnInfo[]) => table('p', columns);
  const child = (name: string, columns: ColumnInfo[]) =>
    table(name, columns, { inherits: ['table:public.p'] });
  const code = column('code', 'text');

  it('drops a column on the parent with ONLY, then on each child that does not keep it', () => {
    const current = catalog(
      parent(id, code),
      child('keeps', [only(id), only(code)]),
      child('loses', [only(id), only(code)]),
    );
    const desired = catalog(parent(id), child('keeps', [only(id), code]), child('loses', [only(id)]));
    const { up, down } = diffBothWays(current, desired);
    expect(up.sql).toEqual([
      'ALTER TABLE ONLY public.p DROP COLUMN code;',
      'ALTER TABLE public.loses DROP COLUMN code;',
    ]);
    // Back: the parent's ADD COLUMN merges with the child's own and adds it to the other.
    expect(down.sql).toEqual(['ALTER TABLE public.p ADD COLUMN code text;']);
  });

  it('leaves out of CREATE TABLE the columns only the parents declare', () => {
    const { up } = diffBothWays(
      catalog(parent(id, code)),
      catalog(
        parent(id, code),
        child('c', [only(id), { ...code, inherited: 'merged' }, column('extra', 'int')]),
      ),
    );
    expect(up.sql).toEqual([
      'CREATE TABLE public.c (\n    code text,\n    extra int\n) INHERITS (public.p);',
    ]);
  });
});

describe('what a child column becomes', () => {
  const pc = column('v', 'text', { default: "'a'::text", storage: 'external', defaultStorage: 'extended' });

  it('follows what the parent changes, keeps what it does not', () => {
    const child = { ...pc, inherited: 'only' as const, comment: 'mine', compression: 'pglz', statistics: 5 };
    expect(propagated(pc, { ...pc, notNull: true }, child)).toEqual({ ...child, notNull: true });
    const retyped = propagated(pc, { ...pc, type: 'character varying(9)', default: "'b'" }, child);
    expect(retyped).toMatchObject({
      type: 'character varying(9)',
      default: "'b'",
      storage: 'external',
      comment: 'mine',
      statistics: 5,
    });
    expect(retyped.compression).toBeUndefined();
    const { storage: _storage, defaultStorage: _default, ...plain } = pc;
    expect(propagated(pc, plain, child).storage).toBeUndefined();
  });

  it('copies on ADD COLUMN and on CREATE TABLE what Postgres copies', () => {
    const parent = { ...pc, comment: 'c', compression: 'pglz', statistics: 7 };
    expect(copyOnAdd(parent)).toEqual({ ...pc, statistics: 7, inherited: 'only' });
    expect(copyOnCreate(parent, only(pc))).toEqual({ ...pc, compression: 'pglz', inherited: 'only' });
  });
});
