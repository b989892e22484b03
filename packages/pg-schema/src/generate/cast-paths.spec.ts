import { createTestDatabase, describeEachServer, type TestDatabase } from '@bakery-ia/test-db';
import type { Client } from 'pg';
import { castKey } from '../objects/table/column-conversion';
import { catalogOf, column, table, tables } from '../objects/test-support/catalogs';
import { columnTypeChanges, resolveCastPaths } from './cast-paths';

describe('columnTypeChanges', () => {
  it('lists kept columns whose type differs, not new, dropped or regenerated ones', () => {
    const before = catalogOf({
      tables: tables(
        table('t', [
          column('a', 'integer'),
          column('b', 'text'),
          column('g', 'integer', { generated: '1' }),
          column('h', 'integer'),
        ]),
      ),
    });
    const after = catalogOf({
      tables: tables(
        table('t', [
          column('a', 'bigint'),
          column('c', 'text'),
          column('g', 'bigint'),
          column('h', 'bigint', { generated: '2' }),
        ]),
      ),
    });
    // g becomes plain (DROP EXPRESSION, then the type): converted; h becomes generated: added again.
    expect(columnTypeChanges(before, after)).toEqual([
      { columnId: 'column:public.t.a', from: 'integer', to: 'bigint' },
      { columnId: 'column:public.t.g', from: 'integer', to: 'bigint' },
    ]);
  });
});

describeEachServer('resolveCastPaths: the server decides', (server) => {
  // `old` holds the committed schema's types, `next` the models' (as the two shadow databases).
  let dbs: TestDatabase[];
  let old: Client;
  let next: Client;
  beforeAll(async () => {
    dbs = await Promise.all([createTestDatabase(server, 'castold'), createTestDatabase(server, 'castnew')]);
    [old, next] = await Promise.all(dbs.map((db) => db.client()));
    await old.query(
      `CREATE TYPE e1 AS ENUM ('a'); CREATE DOMAIN code AS text; CREATE TYPE pair AS (a int, b int)`,
    );
    await next.query(
      `CREATE TYPE e1 AS ENUM ('a'); CREATE TYPE e2 AS ENUM ('a'); CREATE TYPE pair2 AS (a int, b int)`,
    );
    await old.query('CREATE EXTENSION citext');
    await next.query('CREATE SCHEMA ext; CREATE EXTENSION citext WITH SCHEMA ext');
  });
  afterAll(() => Promise.all(dbs.map((db) => db.drop())));

  it('casts where Postgres has a cast, goes through text between enums, composites and ranges, and says none otherwise', async () => {
    const changes: Array<[string, string]> = [
      ['integer', 'bigint'],
      ['text', 'integer'],
      ['public.e1', 'text'],
      ['public.e1', 'public.e2'],
      ['public.e1[]', 'public.e2[]'],
      ['integer', 'public.e2'],
      ['public.code', 'public.e2'],
      ['public.pair', 'public.pair2'],
      ['int4range', 'numrange'],
      ['date', 'integer'],
      ['integer', 'integer[]'],
      ['public.citext', 'ext.citext'],
    ];
    const paths = await resolveCastPaths(
      changes.map(([from, to]) => ({ from, to })),
      next,
      old,
    );
    expect(changes.map(([from, to]) => `${from} -> ${to}: ${paths.get(castKey(from, to))}`)).toEqual([
      'integer -> bigint: direct',
      'text -> integer: direct',
      'public.e1 -> text: direct',
      'public.e1 -> public.e2: text',
      'public.e1[] -> public.e2[]: text',
      'integer -> public.e2: none',
      // The domain exists only in the old schema, the enum only in the new: their base types meet.
      'public.code -> public.e2: direct',
      'public.pair -> public.pair2: text',
      'int4range -> numrange: text',
      'date -> integer: none',
      'integer -> integer[]: none',
      // The extension moved schema (ALTER EXTENSION ... SET SCHEMA): the same type.
      'public.citext -> ext.citext: direct',
    ]);
  });
});
