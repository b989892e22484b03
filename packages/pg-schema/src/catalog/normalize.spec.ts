import { loadSqlParser } from '@bakery-ia/init-manager';
import { normalizeQuery } from './normalize';

beforeAll(() => loadSqlParser());

describe('normalizeQuery', () => {
  it('equates a PG15 and a PG16+ print of a single-relation query', () => {
    expect(normalizeQuery('SELECT t.id, t.name FROM public.t')).toBe(
      normalizeQuery('SELECT id, name FROM public.t'),
    );
  });

  it('drops the qualifier that names the alias of the only relation', () => {
    expect(normalizeQuery('SELECT x.id FROM public.t x')).toBe(normalizeQuery('SELECT id FROM public.t x'));
  });

  it('keeps qualifiers of a join, where they choose between relations', () => {
    expect(normalizeQuery('SELECT a.id FROM a JOIN b ON a.id = b.id')).not.toBe(
      normalizeQuery('SELECT id FROM a JOIN b ON a.id = b.id'),
    );
  });

  it('treats each query level on its own', () => {
    const pg15 = 'SELECT t.id FROM public.t WHERE t.id IN (SELECT u.id FROM public.u)';
    const pg16 = 'SELECT id FROM public.t WHERE id IN (SELECT id FROM public.u)';
    expect(normalizeQuery(pg15)).toBe(normalizeQuery(pg16));
  });

  it('ignores token positions but not the query', () => {
    expect(normalizeQuery('SELECT  1')).toBe(normalizeQuery('SELECT 1'));
    expect(normalizeQuery('SELECT 1')).not.toBe(normalizeQuery('SELECT 2'));
  });

  it('returns text it cannot parse unchanged', () => {
    expect(normalizeQuery('SELEC nonsense')).toBe('SELEC nonsense');
  });
});
