import { loadSqlParser } from '@bakery-ia/init-manager';
import { lintRule } from './lint-test-support';

beforeAll(() => loadSqlParser());

describe('destructive rules', () => {
  it('drop-table: existing tables only', () => {
    expect(lintRule('drop-table', 'DROP TABLE public.users, orders;')).toEqual([
      '1 error drop-table: DROP TABLE public.users, public.orders deletes the table and its rows',
    ]);
    expect(lintRule('drop-table', 'CREATE TABLE tmp (id int);\nDROP TABLE tmp;')).toEqual([]);
  });

  it('drop-schema and drop-database', () => {
    expect(lintRule('drop-schema', 'DROP SCHEMA billing CASCADE;')).toEqual([
      '1 error drop-schema: DROP SCHEMA billing deletes everything in it',
    ]);
    expect(lintRule('drop-database', 'DROP DATABASE other;')).toEqual([
      '1 error drop-database: DROP DATABASE other deletes a whole database',
    ]);
  });

  it('drop-column: existing tables only', () => {
    expect(lintRule('drop-column', 'ALTER TABLE users DROP COLUMN note;')).toEqual([
      '1 error drop-column: DROP COLUMN public.users.note deletes its data',
    ]);
    expect(lintRule('drop-column', 'CREATE TABLE t (a int, b int);\nALTER TABLE t DROP COLUMN b;')).toEqual(
      [],
    );
  });

  it('truncate (and CASCADE) and delete-all', () => {
    expect(lintRule('truncate', 'TRUNCATE users;\nTRUNCATE orders CASCADE;')).toEqual([
      '1 error truncate: TRUNCATE deletes every row',
      '2 error truncate: TRUNCATE … CASCADE deletes every row, and every row of each table that references it',
    ]);
    expect(lintRule('delete-all', 'DELETE FROM users;\nDELETE FROM users WHERE id = 1;')).toEqual([
      '1 error delete-all: DELETE without WHERE deletes every row',
    ]);
  });

  it('enum-recreate once; drop-type not for the __old type or a type the migration created', () => {
    const sql = [
      'ALTER TYPE public.mood RENAME TO mood__old;',
      "CREATE TYPE public.mood AS ENUM ('a');",
      'DROP TYPE public.mood__old;',
    ].join('\n');
    expect(lintRule('enum-recreate', sql)).toEqual([
      '1 error enum-recreate: the values of enum mood are removed or reordered: it is recreated and every column converted; rows holding a removed value make this migration fail',
    ]);
    expect(lintRule('drop-type', sql)).toEqual([]);
    expect(lintRule('drop-type', 'DROP TYPE public.mood;\nDROP DOMAIN code;')).toEqual([
      '1 warning drop-type: DROP TYPE public.mood',
      '2 warning drop-type: DROP DOMAIN public.code',
    ]);
    expect(lintRule('drop-type', "CREATE TYPE x AS ENUM ('a');\nDROP TYPE x;")).toEqual([]);
  });
});
