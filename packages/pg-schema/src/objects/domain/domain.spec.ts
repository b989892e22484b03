import { diffCatalogs } from '../../diff/diff';
import { UnsupportedChangeError } from '../../diff/unsupported';
import { catalogOf, diffBothWays, keyed } from '../test-support/catalogs';
import { domainKind } from './domain.kind';
import type { DomainInfo } from './domain.model';
import { createDomainSql } from './domain.sql';

const amount = (changes: Partial<DomainInfo> = {}): DomainInfo => ({
  schema: 'public',
  name: 'amount',
  baseType: 'numeric(12,2)',
  notNull: false,
  constraints: {},
  ...changes,
});
const withDomain = (domain: DomainInfo) => catalogOf({ domains: keyed(domainKind, domain) });

describe('domain kind', () => {
  it('renders every part of CREATE DOMAIN', () => {
    const domain = amount({
      collation: 'pg_catalog."C"',
      default: '0',
      notNull: true,
      constraints: { positive: 'CHECK ((VALUE >= (0)::numeric))' },
    });
    expect(createDomainSql(domain)).toBe(
      'CREATE DOMAIN public.amount AS numeric(12,2) COLLATE pg_catalog."C" DEFAULT 0 NOT NULL CONSTRAINT positive CHECK ((VALUE >= (0)::numeric));',
    );
  });

  it('creates and drops a domain', () => {
    const { up, down } = diffBothWays(catalogOf({}), withDomain(amount({ comment: 'money' })));
    expect(up.sql).toEqual([
      'CREATE DOMAIN public.amount AS numeric(12,2);',
      "COMMENT ON DOMAIN public.amount IS 'money';",
    ]);
    expect(down.sql).toEqual(['DROP DOMAIN public.amount;']);
  });

  it('changes default, NOT NULL and constraints in place', () => {
    const { up, down } = diffBothWays(
      withDomain(
        amount({
          constraints: {
            positive: 'CHECK ((VALUE > (0)::numeric))',
            small: 'CHECK ((VALUE < (9)::numeric))',
          },
        }),
      ),
      withDomain(
        amount({ default: '1', notNull: true, constraints: { positive: 'CHECK ((VALUE >= (0)::numeric))' } }),
      ),
    );
    expect(up.sql).toEqual([
      'ALTER DOMAIN public.amount DROP CONSTRAINT positive;',
      'ALTER DOMAIN public.amount DROP CONSTRAINT small;',
      'ALTER DOMAIN public.amount ADD CONSTRAINT positive CHECK ((VALUE >= (0)::numeric));',
      'ALTER DOMAIN public.amount SET DEFAULT 1;',
      'ALTER DOMAIN public.amount SET NOT NULL;',
    ]);
    expect(up.changes).toEqual([
      '~ type public.amount default: (none) -> 1',
      '~ type public.amount not null: false -> true',
      '~ type public.amount constraint positive: CHECK ((VALUE > (0)::numeric)) -> CHECK ((VALUE >= (0)::numeric))',
      '~ type public.amount constraint small: CHECK ((VALUE < (9)::numeric)) -> (none)',
    ]);
    expect(down.sql).toContain('ALTER DOMAIN public.amount DROP DEFAULT;');
    expect(down.sql).toContain('ALTER DOMAIN public.amount DROP NOT NULL;');
  });

  it('refuses a new base type with a message that says what to write', () => {
    const run = () => diffCatalogs(withDomain(amount()), withDomain(amount({ baseType: 'numeric(14,2)' })));
    expect(run).toThrow(UnsupportedChangeError);
    expect(run).toThrow(
      'The base type or collation of domain public.amount changes (numeric(12,2) -> numeric(14,2)); Postgres cannot alter that in place',
    );
  });
});
