import { loadSqlParser } from '@bakery-ia/init-manager';
import { catalogOf, column, diffBothWays, keyed, table, tables } from '../test-support/catalogs';
import { ruleKind } from './rule.kind';
import type { RuleInfo } from './rule.model';

beforeAll(() => loadSqlParser());

const keep = (changes: Partial<RuleInfo> = {}): RuleInfo => ({
  schema: 'public',
  name: 'keep',
  relation: 'table:public.t',
  definition: 'CREATE RULE keep AS\n    ON DELETE TO public.t\n   WHERE old.a > 0 DO INSTEAD NOTHING',
  enabled: 'O',
  ...changes,
});
const withRule = (rule: RuleInfo, type = 'integer') =>
  catalogOf({
    tables: tables(table('t', [column('a', type)])),
    rules: keyed(ruleKind, rule),
    dependencies: { 'rule:public.t.keep': ['column:public.t.a', 'table:public.t'] },
  });

describe('rule kind', () => {
  it('spells its id from its relation; a view _RETURN rule stands for the view', () => {
    expect(ruleKind.id?.(keep())).toBe('rule:public.t.keep');
    expect(ruleKind.addresses?.rule(['public', 'v', '_RETURN'], [])).toBe('view:public.v');
  });

  it('creates a disabled rule with its comment after its table, and drops it', () => {
    const rule = keep({ enabled: 'D', comment: 'no deletes' });
    const { up, down } = diffBothWays(
      catalogOf({ tables: tables(table('t', [column('a', 'integer')])) }),
      withRule(rule),
    );
    expect(up.sql).toEqual([
      'CREATE RULE keep AS\n    ON DELETE TO public.t\n   WHERE old.a > 0 DO INSTEAD NOTHING;',
      'ALTER TABLE public.t DISABLE RULE keep;',
      "COMMENT ON RULE keep ON public.t IS 'no deletes';",
    ]);
    expect(down.sql).toEqual(['DROP RULE keep ON public.t;']);
  });

  it('replaces a new definition in place and changes its state', () => {
    const other = keep({ definition: keep().definition.replace('old.a > 0', 'old.a > 1'), enabled: 'A' });
    const { up } = diffBothWays(withRule(keep()), withRule(other));
    expect(up.sql).toEqual([
      'CREATE OR REPLACE RULE keep AS\n    ON DELETE TO public.t\n   WHERE old.a > 1 DO INSTEAD NOTHING;',
      'ALTER TABLE public.t ENABLE ALWAYS RULE keep;',
    ]);
  });

  it('is dropped before a column it uses is retyped and created after, like a view', () => {
    const { up } = diffBothWays(withRule(keep()), withRule(keep(), 'bigint'));
    expect(up.sql).toEqual([
      'DROP RULE keep ON public.t;',
      'ALTER TABLE public.t ALTER COLUMN a TYPE bigint USING a::bigint;',
      'CREATE RULE keep AS\n    ON DELETE TO public.t\n   WHERE old.a > 0 DO INSTEAD NOTHING;',
    ]);
  });

  it('is dropped and created, not replaced, when its definition changes with a retyped column', () => {
    const printed = keep({ definition: keep().definition.replace('old.a > 0', 'old.a > 0::bigint') });
    const { up } = diffBothWays(withRule(keep()), withRule(printed, 'bigint'));
    expect(up.sql).toEqual([
      'DROP RULE keep ON public.t;',
      'ALTER TABLE public.t ALTER COLUMN a TYPE bigint USING a::bigint;',
      'CREATE RULE keep AS\n    ON DELETE TO public.t\n   WHERE old.a > 0::bigint DO INSTEAD NOTHING;',
    ]);
  });

  it('goes with its dropped table', () => {
    expect(diffBothWays(withRule(keep()), catalogOf({})).up.sql).toEqual(['DROP TABLE public.t;']);
  });
});
