import { withIndexOptions } from './constraint.introspect';

describe('withIndexOptions (a key index storage parameters, which pg_get_constraintdef leaves out)', () => {
  it('leaves a definition without options as it is', () => {
    expect(withIndexOptions('UNIQUE (code)', null)).toBe('UNIQUE (code)');
    expect(withIndexOptions('PRIMARY KEY (id)', [])).toBe('PRIMARY KEY (id)');
  });

  it('puts WITH after the columns and INCLUDE, before DEFERRABLE', () => {
    expect(
      withIndexOptions('UNIQUE (code) INCLUDE (id) DEFERRABLE INITIALLY DEFERRED', ['fillfactor=70']),
    ).toBe('UNIQUE (code) INCLUDE (id) WITH (fillfactor=70) DEFERRABLE INITIALLY DEFERRED');
    expect(withIndexOptions('PRIMARY KEY (id) DEFERRABLE', ['fillfactor=80'])).toBe(
      'PRIMARY KEY (id) WITH (fillfactor=80) DEFERRABLE',
    );
  });

  it('quotes values that are not words or numbers', () => {
    expect(withIndexOptions('UNIQUE (a)', ['x=a b'])).toBe("UNIQUE (a) WITH (x='a b')");
  });
});
