import type { SequenceInfo } from '../catalog/catalog';
import { OBJECT_KINDS } from '../objects/registry';
import { catalogOf, column, diffBothWays, keyed, table, tables } from '../objects/test-support/catalogs';
import { sequenceKind } from '../objects/sequence/sequence.kind';
import { renameGeneratedNames } from './generated-names';

const serial = (name: string, owner: string): SequenceInfo => ({
  schema: 'public',
  name,
  type: 'integer',
  start: '1',
  increment: '1',
  min: '1',
  max: '2147483647',
  cache: '1',
  cycle: false,
  ownedBy: { table: `table:public.${owner}`, column: 'id' },
});
const accounts = (key: string, sequence: string) =>
  catalogOf({
    tables: tables(
      table(
        'accounts',
        [column('id', 'integer', { notNull: true, default: `nextval('public.${sequence}'::regclass)` })],
        {
          constraints: { [key]: { name: key, type: 'primary', definition: 'PRIMARY KEY (id)' } },
        },
      ),
    ),
    sequences: keyed(sequenceKind, serial(sequence, 'accounts')),
  });

describe('generated names of a renamed table', () => {
  it('renames the old key and serial sequence instead of recreating them', () => {
    const { up } = diffBothWays(
      accounts('users_pkey', 'users_id_seq'),
      accounts('accounts_pkey', 'accounts_id_seq'),
    );
    expect(up.sql).toEqual([
      'ALTER SEQUENCE public.users_id_seq RENAME TO accounts_id_seq;',
      'ALTER TABLE public.accounts RENAME CONSTRAINT users_pkey TO accounts_pkey;',
    ]);
    expect(up.changes).toEqual([
      '> constraint public.accounts.accounts_pkey (from users_pkey)',
      '> sequence public.accounts_id_seq (from users_id_seq)',
    ]);
  });

  it('renames nothing when the new name is taken in the schema', () => {
    const current = accounts('users_pkey', 'users_id_seq');
    current.tables['table:public.accounts_pkey'] = table('accounts_pkey', []);
    const result = renameGeneratedNames(current, accounts('accounts_pkey', 'users_id_seq'), OBJECT_KINDS);
    expect(result.statements).toEqual([]);
    expect(result.current).toBe(current);
  });
});
