import { loadSqlParser } from '@bakery-ia/init-manager';
import type { Catalog } from '../../catalog/catalog';
import type { FunctionInfo } from '../function/function.model';
import { catalogOf, column, diffBothWays, keyed, table, tables } from '../test-support/catalogs';
import { viewKind } from '../view/view.kind';
import type { ViewInfo } from '../view/view.model';
import { OWNER, PUBLIC, type DefaultPrivilegeInfo, type Grants, type PrivilegeInfo } from './privilege.model';

beforeAll(() => loadSqlParser());

const T = 'table:public.t';
const base = () => ({
  schemas: { 'schema:public': { name: 'public' } },
  tables: tables(table('t', [column('a', 'integer'), column('b', 'integer')])),
});
const acl = (object: string, grants: Grants, column?: string): Record<string, PrivilegeInfo> => ({
  [`privileges:${column ? `column:public.t.${column}` : object}`]: column
    ? { object, column, grants }
    : { object, grants },
});
const at = (parts: Partial<Catalog>) => catalogOf({ ...base(), ...parts });
const select = { privileges: ['SELECT'] };

describe('privileges', () => {
  it('grants on a kept object and revokes exactly that on the way down', () => {
    const { up, down } = diffBothWays(at({}), at({ privileges: acl(T, { reader: select }) }));
    expect(up.sql).toEqual(['GRANT SELECT ON TABLE public.t TO reader;']);
    expect(up.changes).toEqual(['~ table public.t privileges of reader: (none) -> SELECT']);
    expect(down.sql).toEqual(['REVOKE ALL ON TABLE public.t FROM reader;']);
  });

  it('grants after CREATE and drops without REVOKE', () => {
    const { up, down } = diffBothWays(
      catalogOf({ schemas: base().schemas }),
      at({ privileges: acl(T, { reader: select, [OWNER]: { privileges: ['SELECT'] } }) }),
    );
    expect(up.sql).toEqual([
      'CREATE TABLE public.t (\n    a integer,\n    b integer\n);',
      'REVOKE ALL ON TABLE public.t FROM CURRENT_USER;',
      'GRANT SELECT ON TABLE public.t TO CURRENT_USER;',
      'GRANT SELECT ON TABLE public.t TO reader;',
    ]);
    expect(down.sql).toEqual(['DROP TABLE public.t;']);
  });

  it('revokes PUBLIC EXECUTE from a new function: its default is not nothing', () => {
    const fn: FunctionInfo = {
      schema: 'public',
      name: 'f',
      kind: 'f',
      identityArguments: '',
      arguments: '',
      result: 'integer',
      definition:
        'CREATE OR REPLACE FUNCTION public.f()\n RETURNS integer\n LANGUAGE sql\nAS $function$ SELECT 1 $function$\n',
    };
    const id = 'function:public.f()';
    const { up } = diffBothWays(
      catalogOf({}),
      catalogOf({ functions: { [id]: fn }, privileges: acl(id, { [PUBLIC]: { privileges: [] } }) }),
    );
    expect(up.sql[1]).toBe('REVOKE ALL ON FUNCTION public.f() FROM PUBLIC;');
    expect(up.changes[1]).toBe('~ function public.f() privileges of PUBLIC: EXECUTE -> (none)');
  });

  it('grants again on a view the cascade drops and creates', () => {
    const view = (definition: string): ViewInfo => ({
      schema: 'public',
      name: 'v',
      materialized: false,
      definition,
      options: [],
      columnComments: {},
    });
    const side = (type: string) =>
      catalogOf({
        tables: tables(table('t', [column('a', type)])),
        views: keyed(viewKind, view(' SELECT t.a\n   FROM public.t')),
        dependencies: { 'view:public.v': ['column:public.t.a'] },
        privileges: acl('view:public.v', { reader: select }),
      });
    const { up } = diffBothWays(side('integer'), side('bigint'));
    expect(up.sql.at(-1)).toBe('GRANT SELECT ON TABLE public.v TO reader;');
    expect(up.sql.indexOf('GRANT SELECT ON TABLE public.v TO reader;')).toBeGreaterThan(
      up.sql.findIndex((sql) => sql.startsWith('CREATE VIEW')),
    );
  });

  it('grants column privileges again after a table-level REVOKE took them', () => {
    const current = at({
      privileges: { ...acl(T, { reader: select }), ...acl(T, { reader: select }, 'a') },
    });
    const desired = at({ privileges: acl(T, { reader: select }, 'a') });
    const { up, down } = diffBothWays(current, desired);
    expect(up.sql).toEqual([
      'REVOKE ALL ON TABLE public.t FROM reader;',
      'GRANT SELECT (a) ON TABLE public.t TO reader;',
    ]);
    expect(up.changes).toEqual(['~ table public.t privileges of reader: SELECT -> (none)']);
    expect(down.sql).toEqual(['GRANT SELECT ON TABLE public.t TO reader;']);
  });

  it('revokes default privileges first and grants them last, around what the migration creates', () => {
    const defaults = (grants: Grants, schema?: string): Record<string, DefaultPrivilegeInfo> => ({
      [`default-privileges:(owner).${schema ?? '*'}.tables`]: {
        role: OWNER,
        ...(schema ? { schema } : {}),
        on: 'TABLES',
        grants,
      },
    });
    const { up } = diffBothWays(
      catalogOf({ schemas: base().schemas, defaultPrivileges: defaults({ reader: select }) }),
      at({ defaultPrivileges: defaults({ writer: select }, 'public') }),
    );
    expect(up.sql).toEqual([
      'ALTER DEFAULT PRIVILEGES REVOKE ALL ON TABLES FROM reader;',
      'CREATE TABLE public.t (\n    a integer,\n    b integer\n);',
      'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO writer;',
    ]);
  });

  it('revokes what kept default privileges give a new object that the models do not grant', () => {
    const defaults: Record<string, DefaultPrivilegeInfo> = {
      'default-privileges:(owner).*.tables': { role: OWNER, on: 'TABLES', grants: { reader: select } },
      'default-privileges:app.*.tables': { role: 'app', on: 'TABLES', grants: { other: select } },
    };
    const { up, down } = diffBothWays(
      catalogOf({ schemas: base().schemas, defaultPrivileges: defaults }),
      at({ defaultPrivileges: defaults }),
    );
    expect(up.sql).toEqual([
      'CREATE TABLE public.t (\n    a integer,\n    b integer\n);',
      'REVOKE ALL ON TABLE public.t FROM reader;',
    ]);
    expect(down.sql).toEqual(['DROP TABLE public.t;']);
  });

  it('names FOR ROLE only for a role other than the one running the migrations', () => {
    const entry = (role: string): Record<string, DefaultPrivilegeInfo> => ({
      [`default-privileges:${role}.*.functions`]: {
        role,
        on: 'FUNCTIONS',
        grants: {
          [PUBLIC]: { privileges: [] },
          [`${role === OWNER ? 'api' : 'Api'}`]: { privileges: ['EXECUTE'] },
        },
      },
    });
    expect(diffBothWays(catalogOf({}), catalogOf({ defaultPrivileges: entry(OWNER) })).up.sql).toEqual([
      'ALTER DEFAULT PRIVILEGES REVOKE ALL ON FUNCTIONS FROM PUBLIC;',
      'ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO api;',
    ]);
    expect(diffBothWays(catalogOf({}), catalogOf({ defaultPrivileges: entry('Owner') })).up.sql).toEqual([
      'ALTER DEFAULT PRIVILEGES FOR ROLE "Owner" REVOKE ALL ON FUNCTIONS FROM PUBLIC;',
      'ALTER DEFAULT PRIVILEGES FOR ROLE "Owner" GRANT EXECUTE ON FUNCTIONS TO "Api";',
    ]);
  });
});
