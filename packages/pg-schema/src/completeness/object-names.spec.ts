import { nameOf } from './object-names';

const name = (type: string, names: string[], args: string[] = []) => nameOf({ type, names, args });

describe('nameOf', () => {
  it('spells each kind of address as SQL names the object', () => {
    expect(name('operator', ['public', '==='], ['integer', 'integer'])).toBe('public.===(integer, integer)');
    expect(name('aggregate', ['public', 'total'], ['numeric'])).toBe('public.total(numeric)');
    expect(name('cast', ['public.pair'], ['pg_catalog.text'])).toBe('(public.pair AS pg_catalog.text)');
    expect(name('transform', ['integer'], ['plpgsql'])).toBe('for integer language plpgsql');
    expect(name('rule', ['public', 'Orders', 'r'])).toBe('r on public."Orders"');
    expect(name('domain constraint', ['public.positive'], ['positive_check'])).toBe(
      'positive_check on public.positive',
    );
    expect(name('default value', ['public', 'ft', 'a'])).toBe('for public.ft.a');
    expect(name('operator family', ['btree', 'public', 'my_ops'])).toBe('public.my_ops using btree');
    expect(
      name('operator of access method', ['btree', 'public', 'my_ops', '3'], ['integer', 'integer']),
    ).toBe('3 (integer, integer) of public.my_ops using btree');
    expect(name('user mapping', ['public'], ['files'])).toBe('for public server files');
    expect(name('publication relation', ['public', 'orders'], ['pub'])).toBe(
      'public.orders in publication pub',
    );
    expect(name('default acl', ['app', 'public'], ['r'])).toBe('for role app in schema public on tables');
    expect(name('default acl', ['app'], ['f'])).toBe('for role app on functions');
    expect(name('type', ['public."My Type"'])).toBe('public."My Type"');
    expect(name('text search configuration', ['public', 'search_cfg'])).toBe('public.search_cfg');
    expect(name('event trigger', ['audit_ddl'])).toBe('audit_ddl');
    expect(name('table column', ['public', 't', 'Note'])).toBe('public.t."Note"');
  });
});
