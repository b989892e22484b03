import { catalogOf, diffBothWays, keyed } from '../test-support/catalogs';
import { policyKind } from './policy.kind';
import type { PolicyInfo } from './policy.model';
import { createPolicySql } from './policy.sql';

const own = (changes: Partial<PolicyInfo> = {}): PolicyInfo => ({
  name: 'own rows',
  table: 'table:public.notes',
  permissive: true,
  command: 'ALL',
  roles: ['public'],
  using: '(owner = CURRENT_USER)',
  ...changes,
});
const withPolicy = (policy: PolicyInfo) => catalogOf({ policies: keyed(policyKind, policy) });

describe('policy kind', () => {
  it('renders only what differs from the defaults', () => {
    expect(createPolicySql(own())).toBe(
      'CREATE POLICY "own rows" ON public.notes USING ((owner = CURRENT_USER));',
    );
    expect(
      createPolicySql(
        own({
          permissive: false,
          command: 'INSERT',
          roles: ['app', 'admin'],
          using: undefined,
          withCheck: 'true',
        }),
      ),
    ).toBe(
      'CREATE POLICY "own rows" ON public.notes AS RESTRICTIVE FOR INSERT TO app, admin WITH CHECK (true);',
    );
  });

  it('creates and drops a policy with its comment', () => {
    const { up, down } = diffBothWays(catalogOf({}), withPolicy(own({ comment: 'mine' })));
    expect(up.sql).toEqual([
      'CREATE POLICY "own rows" ON public.notes USING ((owner = CURRENT_USER));',
      `COMMENT ON POLICY "own rows" ON public.notes IS 'mine';`,
    ]);
    expect(down.sql).toEqual(['DROP POLICY "own rows" ON public.notes;']);
    expect(up.changes).toEqual(['+ policy public.notes.own rows']);
  });

  it('recreates a policy for any change but its comment', () => {
    const { up } = diffBothWays(withPolicy(own()), withPolicy(own({ roles: ['app'] })));
    expect(up.sql).toEqual([
      'DROP POLICY "own rows" ON public.notes;',
      'CREATE POLICY "own rows" ON public.notes TO app USING ((owner = CURRENT_USER));',
    ]);
    expect(diffBothWays(withPolicy(own()), withPolicy(own({ comment: 'c' }))).up.sql).toEqual([
      `COMMENT ON POLICY "own rows" ON public.notes IS 'c';`,
    ]);
  });
});
