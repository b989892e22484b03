import { alterOptionsSql, optionChanges, optionItem, withClause } from './storage-options';

describe('storage options', () => {
  it('writes words and numbers as they are and quotes anything else', () => {
    expect(optionItem('fillfactor=70')).toBe('fillfactor=70');
    expect(optionItem('autovacuum_vacuum_scale_factor=0.05')).toBe('autovacuum_vacuum_scale_factor=0.05');
    expect(optionItem('toast.autovacuum_enabled=false')).toBe('toast.autovacuum_enabled=false');
    expect(optionItem('log_autovacuum_min_duration=-1')).toBe('log_autovacuum_min_duration=-1');
    expect(optionItem("odd=a b'c")).toBe("odd='a b''c'");
    expect(withClause(['fillfactor=70', 'autovacuum_enabled=false'])).toBe(
      ' WITH (fillfactor=70, autovacuum_enabled=false)',
    );
    expect(withClause([])).toBe('');
    expect(withClause(undefined)).toBe('');
  });

  it('sets new and changed values and resets removed ones, whatever the order', () => {
    expect(optionChanges(['a=1', 'b=2', 'c=3'], ['c=3', 'b=5', 'd=4'])).toEqual({
      set: ['b=5', 'd=4'],
      reset: ['a'],
    });
    expect(optionChanges(['a=1', 'b=2'], ['b=2', 'a=1'])).toEqual({ set: [], reset: [] });
    expect(alterOptionsSql('TABLE public.t', ['fillfactor=70'], ['toast.autovacuum_enabled=false'])).toEqual([
      'ALTER TABLE public.t SET (toast.autovacuum_enabled=false);',
      'ALTER TABLE public.t RESET (fillfactor);',
    ]);
    expect(alterOptionsSql('INDEX public.i', undefined, undefined)).toEqual([]);
  });
});
