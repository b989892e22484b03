interface Table {
  columns: Array<{ name: string }>;
}
interface Order {
  table: string;
  avoidable: boolean;
  expected: string[];
  actual: string[];
}
const { columnOrder } = require('./convergence.js') as {
  columnOrder(
    actual: { tables: Record<string, Table> },
    expected: { tables: Record<string, Table> },
    before: { tables: Record<string, Table> },
  ): Order[];
};

const catalog = (tables: Record<string, string[]>) => ({
  tables: Object.fromEntries(
    Object.entries(tables).map(([key, columns]) => [key, { columns: columns.map((name) => ({ name })) }]),
  ),
});

describe('real-history: column order after a migration', () => {
  it('passes columns in the models order', () => {
    expect(
      columnOrder(catalog({ t: ['id', 'b', 'a'] }), catalog({ t: ['id', 'b', 'a'] }), catalog({ t: ['id'] })),
    ).toEqual([]);
  });

  it('blames the migration for appended columns in another order than the models', () => {
    expect(
      columnOrder(catalog({ t: ['id', 'a', 'b'] }), catalog({ t: ['id', 'b', 'a'] }), catalog({ t: ['id'] })),
    ).toEqual([{ table: 't', avoidable: true, expected: ['b', 'a'], actual: ['a', 'b'] }]);
    // A new table is created whole: its order is the models'.
    expect(
      columnOrder(catalog({ t: ['a', 'id'] }), catalog({ t: ['id', 'a'] }), catalog({}))[0].avoidable,
    ).toBe(true);
  });

  it('does not blame it for what ADD COLUMN cannot do: a column added before kept ones', () => {
    // A rename without a hint (date -> date_creation) is a drop and an add: the column lands last.
    expect(
      columnOrder(
        catalog({ c: ['id', 'text', 'date_creation'] }),
        catalog({ c: ['id', 'date_creation', 'text'] }),
        catalog({ c: ['id', 'date', 'text'] }),
      ),
    ).toEqual([
      {
        table: 'c',
        avoidable: false,
        expected: ['date_creation', 'text'],
        actual: ['text', 'date_creation'],
      },
    ]);
    // An order inherited from such a step, with nothing changed since, is not this step's doing.
    expect(
      columnOrder(
        catalog({ c: ['id', 'text', 'd'] }),
        catalog({ c: ['id', 'd', 'text'] }),
        catalog({ c: ['id', 'text', 'd'] }),
      )[0].avoidable,
    ).toBe(false);
  });

  it('leaves tables with other columns to the catalog comparison', () => {
    expect(
      columnOrder(catalog({ t: ['id', 'x'] }), catalog({ t: ['id', 'y'] }), catalog({ t: ['id'] })),
    ).toEqual([]);
  });
});
