import { orderStatements } from './order';
import { RANK, statement } from './statement';

const sqlOf = (list: ReturnType<typeof statement>[]) => orderStatements(list).statements.map((s) => s.sql);

describe('orderStatements', () => {
  it('places free statements by rank, then key', () => {
    expect(
      sqlOf([
        statement('create b', RANK.createTable, 'table:b'),
        statement('drop x', RANK.dropTable, 'table:x'),
        statement('create a', RANK.createTable, 'table:a'),
      ]),
    ).toEqual(['drop x', 'create a', 'create b']);
  });

  it('creates what a statement requires before it, whatever the ranks', () => {
    expect(
      sqlOf([
        statement('create view', RANK.createSchema, 'view:v', { requires: ['table:t'] }),
        statement('create table', RANK.createTable, 'table:t', { creates: ['table:t'] }),
      ]),
    ).toEqual(['create table', 'create view']);
  });

  it('drops an object only after what still uses it stops using it', () => {
    expect(
      sqlOf([
        statement('drop type', RANK.dropTrigger, 'type:t', { drops: ['type:t'] }),
        statement('alter column', RANK.alterColumn, 'column:c', { releases: ['type:t'] }),
      ]),
    ).toEqual(['alter column', 'drop type']);
  });

  it('recreates after the drop of the same id', () => {
    expect(
      sqlOf([
        statement('create v', RANK.createView, 'view:v#create', { creates: ['view:v'] }),
        statement('drop v', RANK.comment, 'view:v', { drops: ['view:v'] }),
      ]),
    ).toEqual(['drop v', 'create v']);
  });

  it('runs after the drops it names (afterDropOf)', () => {
    expect(
      sqlOf([
        statement('retype', RANK.rename, 'column:c', { afterDropOf: ['view:v'] }),
        statement('drop v', RANK.dropView, 'view:v', { drops: ['view:v'] }),
      ]),
    ).toEqual(['drop v', 'retype']);
  });

  it('places a cycle by rank and reports it', () => {
    const a = statement('a', RANK.createTable, 'table:a', { creates: ['table:a'], requires: ['table:b'] });
    const b = statement('b', RANK.createTable, 'table:b', { creates: ['table:b'], requires: ['table:a'] });
    const { statements, cycles } = orderStatements([b, a]);
    expect(statements.map((s) => s.sql)).toEqual(['a', 'b']);
    expect(cycles.map((s) => s.sql)).toEqual(['a']);
  });

  it('gives the same order whatever the input order', () => {
    const list = [
      statement('c1', RANK.comment, 'x#1', { requires: ['table:t'] }),
      statement('t', RANK.createTable, 'table:t', { creates: ['table:t'] }),
      statement('i', RANK.createIndex, 'index:i', { requires: ['table:t'] }),
    ];
    expect(sqlOf([...list].reverse())).toEqual(sqlOf(list));
  });
});

describe('orderStatements: relation names', () => {
  it('gives a name to an object only after the statement that releases it, whatever the ranks', () => {
    expect(
      sqlOf([
        statement('create new_t with old_t_pkey', RANK.createSchema, 'table:new_t', {
          creates: ['table:new_t'],
          takesNames: ['public.old_t_pkey'],
        }),
        statement('drop old_t', RANK.dropTable, 'table:old_t', {
          drops: ['table:old_t'],
          freesNames: ['public.old_t_pkey'],
        }),
      ]),
    ).toEqual(['drop old_t', 'create new_t with old_t_pkey']);
    expect(
      sqlOf([
        statement('add identity', RANK.rename, 'column:t.id#identity', { takesNames: ['public.t_id_seq'] }),
        statement('drop sequence', RANK.dropSequence, 'sequence:t_id_seq', {
          drops: ['sequence:t_id_seq'],
          freesNames: ['public.t_id_seq'],
        }),
      ]),
    ).toEqual(['drop sequence', 'add identity']);
  });
});

describe('statement', () => {
  it('copies the lists it is given (callers pass catalog arrays; the plan adds to them)', () => {
    const dependencies = ['type:public.e'];
    const s = statement('alter', RANK.alterColumn, 'c', { requires: dependencies });
    s.requires.push('column:public.t.c#step0');
    expect(dependencies).toEqual(['type:public.e']);
  });
});
