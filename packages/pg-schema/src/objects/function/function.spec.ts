import { catalogOf, diffBothWays } from '../test-support/catalogs';
import { replaceableInPlace } from './function.diff';
import type { FunctionInfo } from './function.model';
import { dropFunctionSql, functionCommentTarget } from './function.sql';

const ID = 'function:public.total(integer)';
const total = (changes: Partial<FunctionInfo> = {}): FunctionInfo => ({
  schema: 'public',
  name: 'total',
  kind: 'f',
  identityArguments: 'n integer',
  arguments: 'n integer',
  result: 'integer',
  definition:
    'CREATE OR REPLACE FUNCTION public.total(n integer)\n RETURNS integer\n LANGUAGE sql\nAS $function$ SELECT n $function$\n',
  ...changes,
});
const withFunction = (fn: FunctionInfo, dependencies: Record<string, string[]> = {}) =>
  catalogOf({ functions: { [ID]: fn }, dependencies });

describe('function kind', () => {
  it('creates a function from its definition and drops it by signature', () => {
    const { up, down } = diffBothWays(catalogOf({}), withFunction(total({ comment: 'sum' })));
    expect(up.sql).toEqual([
      'CREATE OR REPLACE FUNCTION public.total(n integer)\n RETURNS integer\n LANGUAGE sql\nAS $function$ SELECT n $function$;',
      "COMMENT ON FUNCTION public.total(n integer) IS 'sum';",
    ]);
    // SQL-language bodies may name tables created later in the same step.
    expect(diffBothWays(catalogOf({}), withFunction(total())).up.steps).toEqual([true]);
    expect(down.sql).toEqual(['DROP FUNCTION public.total(n integer);']);
  });

  it('replaces a new body in place when signature and result stay', () => {
    const body = total({ definition: total().definition.replace('SELECT n', 'SELECT n + 1') });
    const { up } = diffBothWays(withFunction(total()), withFunction(body));
    expect(up.sql).toEqual([
      'CREATE OR REPLACE FUNCTION public.total(n integer)\n RETURNS integer\n LANGUAGE sql\nAS $function$ SELECT n + 1 $function$;',
    ]);
    expect(up.changes[0]).toMatch(/^~ function public\.total\(integer\) definition: /);
  });

  it('drops and creates a function whose result changes', () => {
    const bigger = total({
      result: 'bigint',
      definition: total().definition.replace('RETURNS integer', 'RETURNS bigint'),
    });
    const { up } = diffBothWays(withFunction(total()), withFunction(bigger));
    expect(up.sql[0]).toBe('DROP FUNCTION public.total(n integer);');
    expect(up.sql[1]).toMatch(/^CREATE OR REPLACE FUNCTION public\.total\(n integer\)\n RETURNS bigint/);
  });

  it('tells procedures from functions', () => {
    const procedure = total({ kind: 'p' });
    expect(dropFunctionSql(procedure)).toBe('DROP PROCEDURE public.total(n integer);');
    expect(functionCommentTarget(procedure)).toBe('PROCEDURE public.total(n integer)');
    expect(replaceableInPlace(total(), procedure)).toBe(false);
    expect(replaceableInPlace(total(), total({ arguments: 'n integer DEFAULT 1' }))).toBe(false);
    // Window functions are functions declared WINDOW.
    expect(dropFunctionSql(total({ kind: 'w' }))).toBe('DROP FUNCTION public.total(n integer);');
  });
});
