import { orderStatements } from '../../plan/order';
import { RANK, statement } from '../../plan/statement';
import { chainColumnSteps } from './column-steps';

describe('chainColumnSteps', () => {
  it("keeps a column's changes in the order given, against ranks and keys", () => {
    const steps = chainColumnSteps('column:public.t.c', [
      statement('drop identity', RANK.alterColumn, 'z'),
      statement('set default', RANK.dropDefault, 'a'),
      statement('set not null', RANK.rename, 'b'),
    ]);
    expect(orderStatements([...steps].reverse()).statements.map((s) => s.sql)).toEqual([
      'drop identity',
      'set default',
      'set not null',
    ]);
  });
});
