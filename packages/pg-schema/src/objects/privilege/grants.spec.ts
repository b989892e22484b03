import { builtInDefault, grantSteps, normalizeAcl, NONE, type AclItem, type GrantState } from './grants';
import { OWNER, PUBLIC } from './privilege.model';

const TABLE_ALL = ['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'];
const items = (grantee: string, privileges: string[], grantable = false): AclItem[] =>
  privileges.map((privilege) => ({ grantee, privilege, grantable }));
const state = (privileges: string[], grantable: string[] = []): GrantState => ({ privileges, grantable });
const steps = (from: GrantState, to: GrantState) =>
  grantSteps(from, to).steps.map(
    (s) =>
      `${s.action}${s.grantOption ? (s.action === 'GRANT' ? '+option' : ' option') : ''} ${s.privileges.join(',')}`,
  );

describe('owner-relative ACLs', () => {
  it('leaves out the owner holding everything and PUBLIC holding its default', () => {
    const grants = normalizeAcl(
      [...items(OWNER, TABLE_ALL), ...items('reader', ['SELECT'])],
      TABLE_ALL,
      (grantee) => builtInDefault('TABLE', grantee),
    );
    expect(grants).toEqual({ reader: { privileges: ['SELECT'] } });
    const fn = normalizeAcl(
      [...items(OWNER, ['EXECUTE']), ...items(PUBLIC, ['EXECUTE'])],
      ['EXECUTE'],
      (grantee) => builtInDefault('FUNCTION', grantee),
    );
    expect(fn).toEqual({});
  });

  it('records a revoked default as holding nothing, every privilege as ALL, grant options apart', () => {
    const grants = normalizeAcl(
      [...items(OWNER, ['USAGE']), ...items('app', ['USAGE'], true)],
      ['USAGE'],
      (grantee) => builtInDefault('TYPE', grantee),
    );
    expect(grants).toEqual({
      app: { privileges: ['USAGE'], grantable: ['USAGE'] },
      public: { privileges: [] },
    });
    const table = normalizeAcl(
      [...items(OWNER, ['SELECT']), ...items('writer', TABLE_ALL, true)],
      TABLE_ALL,
      (grantee) => builtInDefault('TABLE', grantee),
    );
    expect(table).toEqual({
      '(owner)': { privileges: ['SELECT'] },
      writer: { privileges: ['ALL'], grantable: ['ALL'] },
    });
  });

  it('gives nobody anything on a column by default', () => {
    expect(builtInDefault('COLUMN', OWNER)).toEqual(NONE);
    expect(builtInDefault('SCHEMA', PUBLIC)).toEqual(NONE);
    expect(builtInDefault('TYPE', PUBLIC)).toEqual(state(['USAGE']));
  });
});

describe('grant steps', () => {
  it('grants and revokes what differs, revokes before grants', () => {
    expect(steps(NONE, state(['SELECT', 'UPDATE']))).toEqual(['GRANT SELECT,UPDATE']);
    expect(steps(state(['SELECT', 'UPDATE']), state(['SELECT', 'INSERT']))).toEqual([
      'REVOKE UPDATE',
      'GRANT INSERT',
    ]);
    expect(steps(state(['SELECT']), NONE)).toEqual(['REVOKE ALL']);
  });

  it('narrows ALL by revoking it and granting what stays (names differ by server version)', () => {
    expect(steps(state(['ALL']), state(['SELECT']))).toEqual(['REVOKE ALL', 'GRANT SELECT']);
    expect(steps(state(['SELECT']), state(['ALL']))).toEqual(['GRANT ALL']);
  });

  it('adds and removes grant options on their own', () => {
    expect(steps(state(['SELECT']), state(['SELECT'], ['SELECT']))).toEqual(['GRANT+option SELECT']);
    expect(steps(state(['SELECT'], ['SELECT']), state(['SELECT']))).toEqual(['REVOKE option SELECT']);
    expect(steps(state(['ALL'], ['ALL']), state(['ALL'], ['SELECT']))).toEqual([
      'REVOKE option ALL',
      'GRANT+option SELECT',
    ]);
    expect(steps(NONE, state(['ALL'], ['SELECT']))).toEqual(['GRANT+option SELECT', 'GRANT ALL']);
  });

  it('says what is held between the revokes and the grants', () => {
    expect(grantSteps(state(['SELECT', 'UPDATE']), state(['SELECT', 'INSERT'])).afterRevokes).toEqual(
      state(['SELECT']),
    );
    expect(grantSteps(state(['EXECUTE']), NONE).afterRevokes).toEqual(NONE);
    expect(grantSteps(state(['SELECT']), state(['SELECT'])).afterRevokes).toEqual(state(['SELECT']));
  });
});
