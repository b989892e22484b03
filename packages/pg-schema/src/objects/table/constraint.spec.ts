import type { ConstraintInfo } from '../../catalog/catalog';
import { catalogOf, column, diffBothWays, table, tables } from '../test-support/catalogs';
import { constraintKind } from './constraint.kind';

const id = column('id', 'integer', { notNull: true });
const check = (definition: string, changes: Partial<ConstraintInfo> = {}): ConstraintInfo => ({
  name: 't_id_check',
  type: 'check',
  definition,
  ...changes,
});
const withConstraints = (...constraints: ConstraintInfo[]) =>
  catalogOf({
    tables: tables(
      table('t', [id], { constraints: Object.fromEntries(constraints.map((c) => [c.name, c])) }),
    ),
  });

describe('constraint kind', () => {
  it('adds and drops a constraint on a kept table', () => {
    const { up, down } = diffBothWays(
      withConstraints(),
      withConstraints(check('CHECK ((id > 0))', { comment: 'positive' })),
    );
    expect(up.sql).toEqual([
      'ALTER TABLE public.t ADD CONSTRAINT t_id_check CHECK ((id > 0));',
      "COMMENT ON CONSTRAINT t_id_check ON public.t IS 'positive';",
    ]);
    expect(up.changes).toEqual(['+ constraint public.t.t_id_check']);
    expect(down.sql).toEqual(['ALTER TABLE public.t DROP CONSTRAINT t_id_check;']);
  });

  it('recreates a constraint whose definition changes', () => {
    const { up } = diffBothWays(
      withConstraints(check('CHECK ((id > 0))')),
      withConstraints(check('CHECK ((id > 1))')),
    );
    expect(up.sql).toEqual([
      'ALTER TABLE public.t DROP CONSTRAINT t_id_check;',
      'ALTER TABLE public.t ADD CONSTRAINT t_id_check CHECK ((id > 1));',
    ]);
    expect(up.changes).toEqual([
      '~ constraint public.t.t_id_check definition: CHECK ((id > 0)) -> CHECK ((id > 1))',
    ]);
  });

  it('changes the comments of a key and of its index in place', () => {
    const key = (changes: Partial<ConstraintInfo>) =>
      withConstraints({ name: 't_pkey', type: 'primary', definition: 'PRIMARY KEY (id)', ...changes });
    const { up } = diffBothWays(key({}), key({ comment: 'key', indexComment: 'its index' }));
    expect(up.sql).toEqual([
      "COMMENT ON CONSTRAINT t_pkey ON public.t IS 'key';",
      "COMMENT ON INDEX public.t_pkey IS 'its index';",
    ]);
    expect(up.changes).toEqual([
      '~ constraint public.t.t_pkey comment: (none) -> key',
      '~ constraint public.t.t_pkey index comment: (none) -> its index',
    ]);
  });

  it('drops a foreign key before the key it references, and adds it after', () => {
    const users = table('users', [id], {
      constraints: { users_pkey: { name: 'users_pkey', type: 'primary', definition: 'PRIMARY KEY (id)' } },
    });
    const fk: ConstraintInfo = {
      name: 't_id_fkey',
      type: 'foreign',
      definition: 'FOREIGN KEY (id) REFERENCES public.users(id)',
      references: 'table:public.users',
    };
    const without = catalogOf({ tables: tables(users, table('t', [id])) });
    const withFk = catalogOf({
      tables: tables(users, table('t', [id], { constraints: { t_id_fkey: fk } })),
      dependencies: { 'constraint:public.t.t_id_fkey': ['constraint:public.users.users_pkey'] },
    });
    expect(diffBothWays(without, withFk).up.sql).toEqual([
      'ALTER TABLE public.t ADD CONSTRAINT t_id_fkey FOREIGN KEY (id) REFERENCES public.users(id);',
    ]);
    expect(diffBothWays(withFk, without).up.sql).toEqual(['ALTER TABLE public.t DROP CONSTRAINT t_id_fkey;']);
  });

  it('is found by id with its table, and diffed by its table (nested)', () => {
    const catalog = withConstraints(check('CHECK ((id > 0))'));
    const entry = constraintKind.objects(catalog)['constraint:public.t.t_id_check'];
    expect(entry.table.name).toBe('t');
    expect(constraintKind.nested).toBe(true);
    expect(constraintKind.recreate).toEqual({ blocksRetype: false });
  });
});
