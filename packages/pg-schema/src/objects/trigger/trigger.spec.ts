import { catalogOf, diffBothWays, keyed } from '../test-support/catalogs';
import { triggerKind } from './trigger.kind';
import type { TriggerInfo } from './trigger.model';
import { triggerEnabledSql } from './trigger.sql';

const audit = (changes: Partial<TriggerInfo> = {}): TriggerInfo => ({
  name: 'audit',
  table: 'table:public.orders',
  definition: 'CREATE TRIGGER audit AFTER UPDATE ON public.orders FOR EACH ROW EXECUTE FUNCTION public.log()',
  enabled: 'O',
  ...changes,
});
const withTrigger = (trigger: TriggerInfo) => catalogOf({ triggers: keyed(triggerKind, trigger) });

describe('trigger kind', () => {
  it('spells its id from its table', () => {
    expect(triggerKind.id?.(audit())).toBe('trigger:public.orders.audit');
  });

  it('creates a disabled trigger with its state and comment, and drops it', () => {
    const { up, down } = diffBothWays(catalogOf({}), withTrigger(audit({ enabled: 'D', comment: 'log' })));
    expect(up.sql).toEqual([
      'CREATE TRIGGER audit AFTER UPDATE ON public.orders FOR EACH ROW EXECUTE FUNCTION public.log();',
      'ALTER TABLE public.orders DISABLE TRIGGER audit;',
      "COMMENT ON TRIGGER audit ON public.orders IS 'log';",
    ]);
    expect(down.sql).toEqual(['DROP TRIGGER audit ON public.orders;']);
  });

  it('changes the enabled state in place', () => {
    const { up, down } = diffBothWays(withTrigger(audit()), withTrigger(audit({ enabled: 'A' })));
    expect(up.sql).toEqual(['ALTER TABLE public.orders ENABLE ALWAYS TRIGGER audit;']);
    expect(up.changes).toEqual(['~ trigger public.orders.audit enabled: O -> A']);
    expect(down.sql).toEqual(['ALTER TABLE public.orders ENABLE TRIGGER audit;']);
    expect(triggerEnabledSql(audit({ enabled: 'R' }))).toBe(
      'ALTER TABLE public.orders ENABLE REPLICA TRIGGER audit;',
    );
  });

  it('recreates a trigger whose definition changes', () => {
    const before = audit({ definition: audit().definition.replace('AFTER UPDATE', 'AFTER INSERT') });
    expect(diffBothWays(withTrigger(before), withTrigger(audit())).up.sql).toEqual([
      'DROP TRIGGER audit ON public.orders;',
      'CREATE TRIGGER audit AFTER UPDATE ON public.orders FOR EACH ROW EXECUTE FUNCTION public.log();',
    ]);
  });
});
