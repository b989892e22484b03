import { catalogOf, column, diffBothWays, keyed, table, tables } from '../test-support/catalogs';
import { statisticsKind } from './statistics.kind';
import type { StatisticsInfo } from './statistics.model';

const st = (changes: Partial<StatisticsInfo> = {}): StatisticsInfo => ({
  schema: 'public',
  name: 'st',
  relation: 'table:public.t',
  definition: 'CREATE STATISTICS public.st (dependencies) ON a, b FROM public.t',
  ...changes,
});
const t = (...names: string[]) =>
  tables(
    table(
      't',
      names.map((name) => column(name, 'integer')),
    ),
  );
const withStatistics = (statistics: StatisticsInfo, columns = ['a', 'b']) =>
  catalogOf({
    tables: t(...columns),
    statistics: keyed(statisticsKind, statistics),
    dependencies: { 'statistics:public.st': columns.map((name) => `column:public.t.${name}`) },
  });

describe('statistics kind', () => {
  it('creates statistics with a target and a comment, and drops them', () => {
    const { up, down } = diffBothWays(
      catalogOf({ tables: t('a', 'b') }),
      withStatistics(st({ target: 500, comment: 'x' })),
    );
    expect(up.sql).toEqual([
      'CREATE STATISTICS public.st (dependencies) ON a, b FROM public.t;',
      'ALTER STATISTICS public.st SET STATISTICS 500;',
      "COMMENT ON STATISTICS public.st IS 'x';",
    ]);
    expect(down.sql).toEqual(['DROP STATISTICS public.st;']);
  });

  it('changes the target in place (-1 resets it) and recreates a new definition', () => {
    const { up, down } = diffBothWays(withStatistics(st()), withStatistics(st({ target: 10 })));
    expect(up.sql).toEqual(['ALTER STATISTICS public.st SET STATISTICS 10;']);
    expect(down.sql).toEqual(['ALTER STATISTICS public.st SET STATISTICS -1;']);
    const mcv = st({ definition: 'CREATE STATISTICS public.st (mcv) ON a, b FROM public.t' });
    expect(diffBothWays(withStatistics(st()), withStatistics(mcv)).up.sql).toEqual([
      'DROP STATISTICS public.st;',
      'CREATE STATISTICS public.st (mcv) ON a, b FROM public.t;',
    ]);
  });

  it('is dropped before a column it uses, and goes with its table', () => {
    const onB = st({ definition: 'CREATE STATISTICS public.st (dependencies) ON b, c FROM public.t' });
    const { up } = diffBothWays(withStatistics(st()), withStatistics(onB, ['b', 'c']));
    expect(up.sql).toEqual([
      'DROP STATISTICS public.st;',
      'ALTER TABLE public.t DROP COLUMN a;',
      'ALTER TABLE public.t ADD COLUMN c integer;',
      'CREATE STATISTICS public.st (dependencies) ON b, c FROM public.t;',
    ]);
    expect(diffBothWays(withStatistics(st()), catalogOf({})).up.sql).toEqual(['DROP TABLE public.t;']);
  });
});
