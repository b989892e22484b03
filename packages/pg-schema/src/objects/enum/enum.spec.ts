import type { ColumnInfo, TableInfo } from '../../catalog/catalog';
import { catalogOf, diffBothWays, keyed } from '../test-support/catalogs';
import { isSubsequence } from './enum.diff';
import { enumKind } from './enum.kind';
import type { EnumInfo } from './enum.model';

const mood = (...values: string[]): EnumInfo => ({ schema: 'public', name: 'mood', values });
const enums = (...types: EnumInfo[]) => keyed(enumKind, ...types);

function table(columns: ColumnInfo[]): Record<string, TableInfo> {
  return {
    'table:public.people': {
      schema: 'public',
      name: 'people',
      columns,
      constraints: {},
      rowSecurity: false,
      forceRowSecurity: false,
      unlogged: false,
    },
  };
}

describe('enum kind', () => {
  it('creates an enum and drops it the other way', () => {
    const { up, down } = diffBothWays(catalogOf({}), catalogOf({ enums: enums(mood('sad', "it's ok")) }));
    expect(up.sql).toEqual([`CREATE TYPE public.mood AS ENUM ('sad', 'it''s ok');`]);
    expect(down.sql).toEqual(['DROP TYPE public.mood;']);
    expect(up.changes).toEqual(['+ type public.mood']);
  });

  it('adds values in place, outside the transaction, each next to a value that exists', () => {
    const { up } = diffBothWays(
      catalogOf({ enums: enums(mood('b', 'd')) }),
      catalogOf({ enums: enums(mood('a', 'b', 'c', 'd', 'e')) }),
    );
    expect(up.sql).toEqual([
      `ALTER TYPE public.mood ADD VALUE IF NOT EXISTS 'a' BEFORE 'b';`,
      `ALTER TYPE public.mood ADD VALUE IF NOT EXISTS 'c' BEFORE 'd';`,
      `ALTER TYPE public.mood ADD VALUE IF NOT EXISTS 'e' AFTER 'd';`,
    ]);
    expect(up.steps).toEqual([false]);
    expect(up.changes).toEqual(['~ type public.mood values: b, d -> a, b, c, d, e']);
  });

  it('recreates an enum whose values are removed, converting its columns through text', () => {
    const column: ColumnInfo = {
      name: 'feeling',
      type: 'public.mood',
      notNull: false,
      default: `'a'::public.mood`,
    };
    const past: ColumnInfo = { name: 'history', type: 'public.mood[]', notNull: false };
    const current = catalogOf({ enums: enums(mood('a', 'b')), tables: table([column, past]) });
    const desired = catalogOf({ enums: enums(mood('a')), tables: table([column, past]) });
    const { down } = diffBothWays(desired, current);
    expect(down.sql).toEqual([
      'ALTER TYPE public.mood RENAME TO mood__old;',
      `CREATE TYPE public.mood AS ENUM ('a');`,
      `ALTER TABLE public.people ALTER COLUMN feeling DROP DEFAULT, ALTER COLUMN feeling TYPE public.mood USING feeling::text::public.mood, ALTER COLUMN feeling SET DEFAULT 'a'::public.mood;`,
      'ALTER TABLE public.people ALTER COLUMN history TYPE public.mood[] USING history::text[]::public.mood[];',
      'DROP TYPE public.mood__old;',
    ]);
  });

  it('recreates an enum whose values are reordered', () => {
    const { up } = diffBothWays(
      catalogOf({ enums: enums(mood('a', 'b')) }),
      catalogOf({ enums: enums(mood('b', 'a')) }),
    );
    expect(up.sql[0]).toBe('ALTER TYPE public.mood RENAME TO mood__old;');
    expect(up.changes).toEqual(['~ type public.mood values: a, b -> b, a']);
  });

  it('changes only the comment when the values stay', () => {
    const { up } = diffBothWays(
      catalogOf({ enums: enums(mood('a')) }),
      catalogOf({ enums: enums({ ...mood('a'), comment: 'how' }) }),
    );
    expect(up.sql).toEqual([`COMMENT ON TYPE public.mood IS 'how';`]);
  });

  it.each([
    [['a', 'c'], ['a', 'b', 'c'], true],
    [['a', 'c'], ['c', 'a'], false],
    [['a', 'b'], ['a'], false],
    [[], ['x'], true],
  ])('isSubsequence(%j, %j) is %s', (existing, desired, expected) => {
    expect(isSubsequence(existing, desired)).toBe(expected);
  });
});
