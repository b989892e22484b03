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

  it('drop-not-null: info on existing tables', () => {
    expect(lintRule('drop-not-null', 'ALTER TABLE users ALTER COLUMN email DROP NOT NULL;')).toEqual([
      '1 info drop-not-null: DROP NOT NULL on public.users.email: code that assumes a value may now read NULL',
    ]);
  });
});
