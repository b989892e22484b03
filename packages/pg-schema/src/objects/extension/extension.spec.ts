import { diffCatalogs } from '../../diff/diff';
import { UnsupportedChangeError } from '../../diff/unsupported';
import { indexKind } from '../index/index.kind';
import { catalogOf, column, diffBothWays, keyed, table, tables } from '../test-support/catalogs';
import { extensionKind } from './extension.kind';
import type { ExtensionInfo } from './extension.model';
import { createExtensionSql } from './extension.sql';

const trgm = (changes: Partial<ExtensionInfo> = {}): ExtensionInfo => ({
  name: 'pg_trgm',
  schema: 'public',
  version: '1.6',
  defaultVersion: '1.6',
  ...changes,
});
const citext = (changes: Partial<ExtensionInfo> = {}) => trgm({ name: 'citext', ...changes });

describe('extension kind', () => {
  it('creates an extension after its schema, and drops it before', () => {
    const desired = catalogOf({
      schemas: { 'schema:ext': { name: 'ext' } },
      extensions: keyed(extensionKind, trgm({ schema: 'ext' })),
    });
    const { up, down } = diffBothWays(catalogOf({}), desired);
    expect(up.sql).toEqual(['CREATE SCHEMA ext;', 'CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA ext;']);
    expect(down.sql).toEqual(['DROP EXTENSION pg_trgm;', 'DROP SCHEMA ext;']);
    expect(up.changes).toEqual(['+ schema ext', '+ extension pg_trgm']);
  });

  it('moves an extension to another schema in place', () => {
    const at = (schema: string) => catalogOf({ extensions: keyed(extensionKind, citext({ schema })) });
    const { up, down } = diffBothWays(at('public'), at('ext'));
    expect(up.sql).toEqual(['ALTER EXTENSION citext SET SCHEMA ext;']);
    expect(up.changes).toEqual(['~ extension citext schema: public -> ext']);
    expect(down.sql).toEqual(['ALTER EXTENSION citext SET SCHEMA public;']);
  });

  it('quotes names that need it', () => {
    expect(
      createExtensionSql({ name: 'uuid-ossp', schema: 'public', version: '1.1', defaultVersion: '1.1' }),
    ).toBe('CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;');
  });

  it('updates in place where the server has a script, naming the version only when it is not the default', () => {
    const at = (version: string, updatableTo?: string[]) =>
      catalogOf({ extensions: keyed(extensionKind, trgm({ version, updatableTo })) });
    const { up } = diffBothWays(at('1.4', ['1.5', '1.6']), at('1.6'));
    expect(up.sql).toEqual(['ALTER EXTENSION pg_trgm UPDATE;']);
    expect(up.changes).toEqual(['~ extension pg_trgm version: 1.4 -> 1.6']);
    expect(diffBothWays(at('1.4', ['1.5', '1.6']), at('1.5')).up.sql).toEqual([
      "ALTER EXTENSION pg_trgm UPDATE TO '1.5';",
    ]);
  });

  it('goes back to a version without a script by dropping it, with what uses it recreated', () => {
    const index = {
      schema: 'public',
      name: 'words_trgm',
      table: 'table:public.words',
      definition: 'CREATE INDEX words_trgm ON public.words USING gin (word public.gin_trgm_ops)',
    };
    const at = (version: string) =>
      catalogOf({
        extensions: keyed(extensionKind, trgm({ version })),
        tables: tables(table('words', [column('word', 'text')])),
        indexes: keyed(indexKind, index),
        dependencies: { 'index:public.words_trgm': ['column:public.words.word', 'extension:pg_trgm'] },
      });
    const { up } = diffBothWays(at('1.6'), at('1.5'));
    expect(up.sql).toEqual([
      'DROP INDEX public.words_trgm;',
      'DROP EXTENSION pg_trgm;',
      "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public VERSION '1.5';",
      'CREATE INDEX words_trgm ON public.words USING gin (word public.gin_trgm_ops);',
    ]);
  });

  it('stops with a message when a column would go with the dropped extension', () => {
    const at = (version: string) =>
      catalogOf({
        extensions: keyed(extensionKind, citext({ version })),
        tables: tables(table('users', [column('email', 'public.citext')])),
        dependencies: { 'column:public.users.email': ['extension:citext'] },
      });
    const run = () => diffCatalogs(at('1.6'), at('1.5'));
    expect(run).toThrow(UnsupportedChangeError);
    expect(run).toThrow(
      /^Extension citext would go from version 1\.6 to 1\.5, and the server has no update script .* take column public\.users\.email along\./,
    );
  });

  it('compares the installed version only, not what the server offers', () => {
    const copy = trgm({ updatableTo: ['1.7'] });
    extensionKind.comparable?.(copy);
    expect(copy).toEqual({ name: 'pg_trgm', schema: 'public', version: '1.6' });
  });
});
