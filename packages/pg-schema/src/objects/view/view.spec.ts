import { loadSqlParser } from '@bakery-ia/init-manager';
import { indexKind } from '../index/index.kind';
import { catalogOf, diffBothWays, keyed } from '../test-support/catalogs';
import { definitionChange } from './view.diff';
import { viewKind } from './view.kind';
import type { ViewInfo } from './view.model';

beforeAll(() => loadSqlParser());

const active = (changes: Partial<ViewInfo> = {}): ViewInfo => ({
  schema: 'public',
  name: 'active_users',
  materialized: false,
  definition: ' SELECT users.id\n   FROM public.users',
  options: [],
  columnComments: {},
  ...changes,
});
const withView = (view: ViewInfo, extra: Parameters<typeof catalogOf>[0] = {}) =>
  catalogOf({ views: keyed(viewKind, view), ...extra });

describe('view kind', () => {
  it('creates a view with its options and comments, and drops it', () => {
    const view = active({
      options: ['security_invoker=true'],
      comment: 'who',
      columnComments: { id: 'the key' },
    });
    const { up, down } = diffBothWays(catalogOf({}), withView(view));
    expect(up.sql).toEqual([
      'CREATE VIEW public.active_users WITH (security_invoker=true) AS\n SELECT users.id\n   FROM public.users;',
      "COMMENT ON COLUMN public.active_users.id IS 'the key';",
      "COMMENT ON VIEW public.active_users IS 'who';",
    ]);
    expect(down.sql).toEqual(['DROP VIEW public.active_users;']);
  });

  it('creates a materialized view with its data', () => {
    const { up, down } = diffBothWays(catalogOf({}), withView(active({ materialized: true })));
    expect(up.sql).toEqual([
      'CREATE MATERIALIZED VIEW public.active_users AS\n SELECT users.id\n   FROM public.users\nWITH DATA;',
    ]);
    expect(down.sql).toEqual(['DROP MATERIALIZED VIEW public.active_users;']);
  });

  it('sees no change between a PG15 and a PG16+ print of the same query', () => {
    const pg16 = active({ definition: ' SELECT id\n   FROM public.users' });
    expect(definitionChange(active(), pg16)).toBeUndefined();
    expect(diffBothWays(withView(active()), withView(pg16)).up.sql).toEqual([]);
    expect(viewKind.comparable).toBeDefined();
  });

  it('changes options in place: SET for new and changed ones, RESET for removed ones', () => {
    expect(definitionChange(active(), active({ options: ['check_option=local'] }))).toBeUndefined();
    const { up, down } = diffBothWays(
      withView(active({ options: ['security_barrier=true'] })),
      withView(active({ options: ['check_option=local'] })),
    );
    expect(up.sql).toEqual([
      'ALTER VIEW public.active_users SET (check_option=local);',
      'ALTER VIEW public.active_users RESET (security_barrier);',
    ]);
    expect(up.changes).toEqual([
      '~ view public.active_users options: security_barrier=true -> check_option=local',
    ]);
    expect(down.sql).toEqual([
      'ALTER VIEW public.active_users SET (security_barrier=true);',
      'ALTER VIEW public.active_users RESET (check_option);',
    ]);
    const stored = (options: string[]) => active({ materialized: true, options });
    expect(diffBothWays(withView(stored([])), withView(stored(['fillfactor=60']))).up.sql).toEqual([
      'ALTER MATERIALIZED VIEW public.active_users SET (fillfactor=60);',
    ]);
  });

  it('recreates a view whose query or kind change', () => {
    expect(definitionChange(active(), active({ materialized: true }))?.attribute).toBe('materialized');
    const wider = active({ definition: ' SELECT users.id,\n    users.email\n   FROM public.users' });
    const { up } = diffBothWays(withView(active()), withView(wider));
    expect(up.sql).toEqual([
      'DROP VIEW public.active_users;',
      'CREATE VIEW public.active_users AS\n SELECT users.id,\n    users.email\n   FROM public.users;',
    ]);
  });

  it('changes column comments in place', () => {
    const { up, down } = diffBothWays(
      withView(active()),
      withView(active({ columnComments: { id: 'key' } })),
    );
    expect(up.sql).toEqual(["COMMENT ON COLUMN public.active_users.id IS 'key';"]);
    expect(up.changes).toEqual(['~ view public.active_users comment on column id: (none) -> key']);
    expect(down.sql).toEqual(['COMMENT ON COLUMN public.active_users.id IS NULL;']);
  });

  it('takes its indexes along: a recreated materialized view gets them back from the cascade', () => {
    const index = {
      schema: 'public',
      name: 'active_users_id',
      table: 'view:public.active_users',
      definition: 'CREATE INDEX active_users_id ON public.active_users USING btree (id)',
    };
    const at = (view: ViewInfo) =>
      withView(view, {
        indexes: keyed(indexKind, index),
        dependencies: { 'index:public.active_users_id': ['view:public.active_users'] },
      });
    const wider = active({
      materialized: true,
      definition: ' SELECT users.id,\n    users.email\n   FROM public.users',
    });
    const { up } = diffBothWays(at(active({ materialized: true })), at(wider));
    expect(up.sql).toEqual([
      'DROP MATERIALIZED VIEW public.active_users;',
      'CREATE MATERIALIZED VIEW public.active_users AS\n SELECT users.id,\n    users.email\n   FROM public.users\nWITH DATA;',
      'CREATE INDEX active_users_id ON public.active_users USING btree (id);',
    ]);
    expect(up.changes[1]).toBe(
      '~ index public.active_users_id (recreated: view public.active_users changes)',
    );
  });

  it('takes its indexes along when dropped (no DROP INDEX of their own)', () => {
    const index = {
      schema: 'public',
      name: 'active_users_id',
      table: 'view:public.active_users',
      definition: 'CREATE INDEX active_users_id ON public.active_users USING btree (id)',
    };
    const current = withView(active({ materialized: true }), {
      indexes: keyed(indexKind, index),
      dependencies: { 'index:public.active_users_id': ['view:public.active_users'] },
    });
    const { up } = diffBothWays(current, catalogOf({}));
    expect(up.sql).toEqual(['DROP MATERIALIZED VIEW public.active_users;']);
    expect(up.changes).toEqual(['- index public.active_users_id', '- view public.active_users']);
  });
});
