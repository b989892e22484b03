import { orderStatements } from './order';
import { RANK, statement, type PlannedStatement } from './statement';
import { assignSteps } from './steps';

/** Steps as `phase: sql, sql`, from statements ordered as the plan orders them. */
function stepsOf(input: PlannedStatement[]): string[] {
  const { statements, before } = orderStatements(input);
  return assignSteps(statements, before).map(
    (step) => `${step.phase}: ${step.statements.map((s) => s.sql).join(', ')}`,
  );
}

/** Statements as the diff plans them, and the steps they must land in. */
const CASES: Array<{ title: string; statements: PlannedStatement[]; steps: string[] }> = [
  {
    title: 'keeps a plain plan in one transactional step after ADD VALUE',
    statements: [
      statement('add value', RANK.alterType, 'type:t#v', { transactional: false, creates: ['type:t'] }),
      statement('create table', RANK.createTable, 'table:a', {
        creates: ['table:a'],
        requires: ['type:t'],
      }),
      statement('create index', RANK.createIndex, 'index:i', { requires: ['table:a'] }),
    ],
    steps: ['pre: add value', 'main: create table, create index'],
  },
  {
    title: 'runs concurrent builds after the transactional step they need, validations after their NOT VALID',
    statements: [
      statement('index conc', RANK.createIndex, 'index:i', {
        transactional: false,
        phase: 'concurrent',
        requires: ['column:c'],
      }),
      statement('add column', RANK.addColumn, 'column:c', { creates: ['column:c'] }),
      statement('fk not valid', RANK.addForeignKey, 'constraint:f', { creates: ['constraint:f'] }),
      statement('validate fk', RANK.addForeignKey, 'constraint:f#validate', {
        phase: 'validate',
        requires: ['constraint:f'],
        committed: ['constraint:f'],
      }),
    ],
    steps: ['main: add column, fk not valid', 'concurrent: index conc', 'validate: validate fk'],
  },
  {
    title:
      'puts a plain statement that needs a key attached USING INDEX after it, and its validation in a next round',
    statements: [
      statement('unique index conc', RANK.addConstraint, 'constraint:u#index', {
        transactional: false,
        phase: 'concurrent',
        creates: ['constraint:u#index'],
      }),
      statement('using index', RANK.addConstraint, 'constraint:u', {
        phase: 'post',
        creates: ['constraint:u'],
        requires: ['constraint:u#index'],
        committed: ['constraint:u#index'],
      }),
      statement('fk not valid', RANK.addForeignKey, 'constraint:f', {
        creates: ['constraint:f'],
        requires: ['constraint:u'],
      }),
      statement('validate fk', RANK.addForeignKey, 'constraint:f#validate', {
        phase: 'validate',
        requires: ['constraint:f'],
        committed: ['constraint:f'],
      }),
      statement('unrelated', RANK.createTable, 'table:x', { creates: ['table:x'] }),
    ],
    steps: [
      'main: unrelated',
      'concurrent: unique index conc',
      'post: using index, fk not valid',
      'validate: validate fk',
    ],
  },
  {
    title: 'keeps a statement that must follow a commit out of its dependency step, even of the same phase',
    statements: [
      statement('check not valid', RANK.alterColumn, 'c#0', { creates: ['c#added'] }),
      statement('validate', RANK.alterColumn, 'c#1', {
        phase: 'validate',
        creates: ['c#valid'],
        requires: ['c#added'],
        committed: ['c#added'],
      }),
      statement('set not null', RANK.alterColumn, 'c#2', {
        phase: 'post',
        creates: ['c#set'],
        requires: ['c#valid'],
        committed: ['c#valid'],
      }),
      statement('drop check', RANK.alterColumn, 'c#3', { phase: 'post', requires: ['c#set'] }),
    ],
    steps: ['main: check not valid', 'validate: validate', 'post: set not null, drop check'],
  },
];

describe('assignSteps', () => {
  it.each(CASES)('$title', ({ statements, steps }) => {
    expect(stepsOf(statements)).toEqual(steps);
  });
});
