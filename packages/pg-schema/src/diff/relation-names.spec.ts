import type { SequenceInfo } from '../catalog/catalog';
import { OBJECT_KINDS } from '../objects/registry';
import { sequenceKind } from '../objects/sequence/sequence.kind';
import { catalogOf, column, diffBothWays, keyed, table, tables } from '../objects/test-support/catalogs';
import { RANK, statement } from '../plan/statement';
import { assignRelationNames, relationNamesById } from './relation-names';

const serial = (owner: string): SequenceInfo => ({
  schema: 'public',
  name: 'old_t_id_seq',
  type: 'integer',
  start: '1',
  increment: '1',
  min: '1',
  max: '2147483647',
  cache: '1',
  cycle: false,
  ownedBy: { table: `table:public.${owner}`, column: 'id' },
});
/** A table `name` whose serial-like id column uses old_t_id_seq, with primary key old_t_pkey. */
const holder = (name: string) =>
  catalogOf({
    tables: tables(
      table(
        name,
        [column('id', 'integer', { notNull: true, default: "nextval('public.old_t_id_seq'::regclass)" })],
        {
          constraints: {
            old_t_pkey: { name: 'old_t_pkey', type: 'primary', definition: 'PRIMARY KEY (id)' },
          },
        },
      ),
    ),
    sequences: keyed(sequenceKind, serial(name)),
  });

describe('relation names', () => {
  it('lists the names each object holds, none for objects that hold none', () => {
    const names = relationNamesById(holder('old_t'), OBJECT_KINDS);
    expect(names.get('table:public.old_t')).toEqual(['public.old_t']);
    expect(names.get('constraint:public.old_t.old_t_pkey')).toEqual(['public.old_t_pkey']);
    expect(names.get('sequence:public.old_t_id_seq')).toEqual(['public.old_t_id_seq']);
    expect(names.get('column:public.old_t.id')).toEqual([]);
  });

  it('frees the names of dropped objects and takes those of new ones only', () => {
    const current = holder('old_t');
    const desired = holder('new_t');
    const drop = statement('drop', RANK.dropTable, 'd', {
      drops: ['table:public.old_t', 'constraint:public.old_t.old_t_pkey'],
    });
    const create = statement('create', RANK.createTable, 'c', {
      creates: ['table:public.new_t', 'constraint:public.new_t.old_t_pkey'],
    });
    const alter = statement('alter', RANK.alterColumn, 'a', { creates: ['sequence:public.old_t_id_seq'] });
    assignRelationNames([drop, create, alter], OBJECT_KINDS, current, desired);
    expect(drop.freesNames).toEqual(['public.old_t', 'public.old_t_pkey']);
    expect(create.takesNames).toEqual(['public.new_t', 'public.old_t_pkey']);
    expect(alter.takesNames).toEqual([]);
  });

  it('moves a primary key name and a kept sequence to a new table, both ways (issue 12 bug 1)', () => {
    const { up, down } = diffBothWays(holder('old_t'), holder('new_t'));
    const expected = (from: string, to: string) => [
      'ALTER SEQUENCE public.old_t_id_seq OWNED BY NONE;',
      `DROP TABLE public.${from};`,
      `CREATE TABLE public.${to} (\n    id integer DEFAULT nextval('public.old_t_id_seq'::regclass) NOT NULL,\n    CONSTRAINT old_t_pkey PRIMARY KEY (id)\n);`,
      `ALTER SEQUENCE public.old_t_id_seq OWNED BY public.${to}.id;`,
    ];
    expect(up.sql).toEqual(expected('old_t', 'new_t'));
    expect(down.sql).toEqual(expected('new_t', 'old_t'));
  });
});
