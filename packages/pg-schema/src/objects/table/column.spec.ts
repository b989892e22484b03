import type { ColumnInfo, FunctionInfo } from '../../catalog/catalog';
import { catalogOf, column, diffBothWays, table, tables } from '../test-support/catalogs';
import { columnKind } from './column.kind';
import { columnDefinition } from './column.sql';

const id = column('id', 'integer', { notNull: true });
const withColumns = (...columns: ColumnInfo[]) => catalogOf({ tables: tables(table('t', [id, ...columns])) });

describe('column rendering', () => {
  it('writes collation, generation, default and NOT NULL in that order', () => {
    expect(
      columnDefinition(column('Total', 'numeric', { generated: '(a + b)' }), { schema: 'public', name: 't' }),
    ).toBe('"Total" numeric GENERATED ALWAYS AS ((a + b)) STORED');
    expect(
      columnDefinition(
        column('v', 'numeric', { generated: '(a + b)', generatedKind: 'virtual', notNull: true }),
        {
          schema: 'public',
          name: 't',
        },
      ),
    ).toBe('v numeric GENERATED ALWAYS AS ((a + b)) VIRTUAL NOT NULL');
    expect(
      columnDefinition(column('c', 'text', { collation: '"C"', default: "'x'::text", notNull: true }), {
        schema: 'public',
        name: 't',
      }),
    ).toBe(`c text COLLATE "C" DEFAULT 'x'::text NOT NULL`);
  });
});

describe('column kind', () => {
  it('adds a column with its comment, and drops it the other way', () => {
    const { up, down } = diffBothWays(
      withColumns(),
      withColumns(column('note', 'text', { comment: 'free text' })),
    );
    expect(up.sql).toEqual([
      'ALTER TABLE public.t ADD COLUMN note text;',
      "COMMENT ON COLUMN public.t.note IS 'free text';",
    ]);
    expect(up.changes).toEqual(['+ column public.t.note']);
    expect(down.sql).toEqual(['ALTER TABLE public.t DROP COLUMN note;']);
    expect(down.changes).toEqual(['- column public.t.note']);
  });

  it("adds several columns in the models' order, not by name (ADD COLUMN appends)", () => {
    const { up } = diffBothWays(
      withColumns(),
      withColumns(column('username', 'text'), column('password', 'text'), column('b', 'text')),
    );
    expect(up.sql).toEqual([
      'ALTER TABLE public.t ADD COLUMN username text;',
      'ALTER TABLE public.t ADD COLUMN password text;',
      'ALTER TABLE public.t ADD COLUMN b text;',
    ]);
  });

  it('retypes a column with its default dropped and set again', () => {
    const before = column('n', 'integer', { default: '0' });
    const after = column('n', 'bigint', { default: '0', collation: undefined });
    const { up } = diffBothWays(withColumns(before), withColumns(after));
    expect(up.sql).toEqual([
      'ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT, ALTER COLUMN n TYPE bigint USING n::bigint, ALTER COLUMN n SET DEFAULT 0;',
    ]);
    expect(up.changes).toEqual(['~ column public.t.n type: integer -> bigint']);
  });

  it('changes a collation without a USING clause', () => {
    const { up } = diffBothWays(
      withColumns(column('s', 'text')),
      withColumns(column('s', 'text', { collation: '"C"' })),
    );
    expect(up.sql).toEqual(['ALTER TABLE public.t ALTER COLUMN s TYPE text COLLATE "C";']);
  });

  it('changes default and NOT NULL in place, DROP DEFAULT among the drops', () => {
    const { up, down } = diffBothWays(
      withColumns(column('n', 'integer')),
      withColumns(column('n', 'integer', { default: '1', notNull: true })),
    );
    expect(up.sql).toEqual([
      'ALTER TABLE public.t ALTER COLUMN n SET DEFAULT 1;',
      'ALTER TABLE public.t ALTER COLUMN n SET NOT NULL;',
    ]);
    expect(up.changes).toEqual([
      '~ column public.t.n default: (none) -> 1',
      '~ column public.t.n not null: false -> true',
    ]);
    expect(down.sql).toEqual([
      'ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT;',
      'ALTER TABLE public.t ALTER COLUMN n DROP NOT NULL;',
    ]);
  });

  it('drops and adds a column whose generation changes (it holds no data of its own)', () => {
    const { up } = diffBothWays(
      withColumns(column('g', 'integer', { generated: '(id * 2)' })),
      withColumns(column('g', 'integer', { generated: '(id * 3)' })),
    );
    expect(up.sql).toEqual([
      'ALTER TABLE public.t DROP COLUMN g;',
      'ALTER TABLE public.t ADD COLUMN g integer GENERATED ALWAYS AS ((id * 3)) STORED;',
    ]);
  });

  it("changes a virtual column's expression in place (SET EXPRESSION: nothing stored)", () => {
    const virtual = (expression: string) =>
      column('g', 'integer', { generated: expression, generatedKind: 'virtual' });
    const { up, down } = diffBothWays(withColumns(virtual('(id * 2)')), withColumns(virtual('(id * 3)')));
    expect(up.sql).toEqual(['ALTER TABLE public.t ALTER COLUMN g SET EXPRESSION AS ((id * 3));']);
    expect(up.changes).toEqual(['~ column public.t.g generated: (id * 2) -> (id * 3)']);
    expect(down.sql).toEqual(['ALTER TABLE public.t ALTER COLUMN g SET EXPRESSION AS ((id * 2));']);
  });

  it('drops and adds a virtual column where PG18 refuses SET EXPRESSION (a CHECK on the table)', () => {
    const check = {
      t_id_check: { name: 't_id_check', type: 'check' as const, definition: 'CHECK ((id > 0))' },
    };
    const withCheck = (expression: string) =>
      catalogOf({
        tables: tables(
          table('t', [id, column('g', 'integer', { generated: expression, generatedKind: 'virtual' })], {
            constraints: check,
          }),
        ),
      });
    const { up } = diffBothWays(withCheck('(id * 2)'), withCheck('(id * 3)'));
    expect(up.sql).toEqual([
      'ALTER TABLE public.t DROP COLUMN g;',
      'ALTER TABLE public.t ADD COLUMN g integer GENERATED ALWAYS AS ((id * 3)) VIRTUAL;',
    ]);
  });

  it('drops and adds a column that changes between stored and virtual, or from virtual to plain', () => {
    const stored = column('g', 'integer', { generated: '(id * 2)' });
    const virtual = column('g', 'integer', { generated: '(id * 2)', generatedKind: 'virtual' });
    const switched = diffBothWays(withColumns(stored), withColumns(virtual));
    expect(switched.up.sql).toEqual([
      'ALTER TABLE public.t DROP COLUMN g;',
      'ALTER TABLE public.t ADD COLUMN g integer GENERATED ALWAYS AS ((id * 2)) VIRTUAL;',
    ]);
    expect(switched.down.sql).toEqual([
      'ALTER TABLE public.t DROP COLUMN g;',
      'ALTER TABLE public.t ADD COLUMN g integer GENERATED ALWAYS AS ((id * 2)) STORED;',
    ]);
    // PG18 refuses DROP EXPRESSION on a virtual column: there are no stored values to keep.
    const plain = diffBothWays(withColumns(virtual), withColumns(column('g', 'integer', { default: '0' })));
    expect(plain.up.sql).toEqual([
      'ALTER TABLE public.t DROP COLUMN g;',
      'ALTER TABLE public.t ADD COLUMN g integer DEFAULT 0;',
    ]);
  });

  it('keeps the values of a generated column that becomes plain (DROP EXPRESSION), recomputes them the other way', () => {
    const { up, down } = diffBothWays(
      withColumns(column('g', 'integer', { generated: '(id * 2)' })),
      withColumns(column('g', 'integer', { default: '0' })),
    );
    expect(up.sql).toEqual([
      'ALTER TABLE public.t ALTER COLUMN g DROP EXPRESSION;',
      'ALTER TABLE public.t ALTER COLUMN g SET DEFAULT 0;',
    ]);
    expect(up.changes).toEqual([
      '~ column public.t.g generated: (id * 2) -> (none)',
      '~ column public.t.g default: (none) -> 0',
    ]);
    expect(down.sql).toEqual([
      'ALTER TABLE public.t DROP COLUMN g;',
      'ALTER TABLE public.t ADD COLUMN g integer GENERATED ALWAYS AS ((id * 2)) STORED;',
    ]);
  });

  it('sets a default again when the function it calls is dropped and created', () => {
    const code = (result: string): FunctionInfo => ({
      schema: 'public',
      name: 'next_code',
      kind: 'f',
      identityArguments: '',
      arguments: '',
      result,
      definition: `CREATE OR REPLACE FUNCTION public.next_code()\n RETURNS ${result}\n LANGUAGE sql\nAS $f$ SELECT 1 $f$`,
    });
    const n = column('n', 'bigint', { default: 'public.next_code()' });
    const at = (fn: FunctionInfo) =>
      catalogOf({
        tables: tables(table('t', [n])),
        functions: { 'function:public.next_code()': fn },
        dependencies: { 'column:public.t.n': ['function:public.next_code()'] },
      });
    const { up } = diffBothWays(at(code('integer')), at(code('bigint')));
    expect(up.sql).toEqual([
      'ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT;',
      'DROP FUNCTION public.next_code();',
      'CREATE OR REPLACE FUNCTION public.next_code()\n RETURNS bigint\n LANGUAGE sql\nAS $f$ SELECT 1 $f$;',
      'ALTER TABLE public.t ALTER COLUMN n SET DEFAULT public.next_code();',
    ]);
    expect(up.changes).toContain(
      '~ column public.t.n default (set again: function public.next_code() changes)',
    );
  });

  it('is an entry with its table, found by id', () => {
    const catalog = withColumns(column('note', 'text'));
    const entry = columnKind.objects(catalog)['column:public.t.note'];
    expect(entry.table.name).toBe('t');
    expect(columnKind.id?.(entry)).toBe('column:public.t.note');
    expect(Object.keys(columnKind.objects(catalog))).toEqual(['column:public.t.id', 'column:public.t.note']);
    expect(columnKind.addresses?.['default value'](['public', 't', 'note'], [])).toBe('column:public.t.note');
  });
});
