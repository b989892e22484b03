import { loadSqlParser, splitStatements } from '@bakery-ia/init-manager';
import type { ObjectAddress } from '../objects/kind';
import { addressPath, declaringStatements, locate, splitQualified } from './locate';
import type { UnsupportedObject, UnsupportedPart } from './unsupported';

beforeAll(() => loadSqlParser());

// Line numbers matter: each statement is on the line its comment says.
const MODELS = `CREATE TABLE t (id int PRIMARY KEY, c int CHECK (c > 0));
CREATE FUNCTION f(int, int) RETURNS boolean LANGUAGE sql AS 'select $1 = $2';
CREATE OPERATOR === (leftarg = int, rightarg = int, procedure = f);
CREATE OPERATOR CLASS myops FOR TYPE int USING btree AS OPERATOR 3 ===;
CREATE CAST (t AS text) WITH INOUT;
CREATE PUBLICATION pub FOR TABLE t;
CREATE FOREIGN DATA WRAPPER w;
CREATE SERVER s FOREIGN DATA WRAPPER w;
CREATE USER MAPPING FOR CURRENT_USER SERVER s;
CREATE FOREIGN TABLE ft (a int DEFAULT 1) SERVER s;
CREATE TEXT SEARCH CONFIGURATION cfg (COPY = english);
CREATE CONVERSION myconv FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;
CREATE EVENT TRIGGER et ON ddl_command_start EXECUTE FUNCTION etf();
COMMENT ON EXTENSION citext IS 'x';
COMMENT ON CONSTRAINT t_c_check ON t IS 'check';
CREATE TRANSFORM FOR int LANGUAGE plpgsql (FROM SQL WITH FUNCTION f1(internal), TO SQL WITH FUNCTION f2(internal));
GRANT SELECT ON t TO PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC;
CREATE SCHEMA other CREATE TABLE x (id int);
CREATE RULE r AS ON INSERT TO t DO ALSO NOTIFY t;
COMMENT ON COLUMN t.c IS 'c';
CREATE STATISTICS st ON id, c FROM t;
CREATE TYPE fr AS RANGE (subtype = float8);
CREATE TYPE "My Type" AS ENUM ('a');
SECURITY LABEL ON TABLE t IS 'secret';
GRANT SELECT (c) ON t TO PUBLIC;
CREATE DOMAIN d AS int CONSTRAINT d_positive CHECK (VALUE > 0);
CREATE CAST (int AS d) WITHOUT FUNCTION;
ALTER TABLE t ADD CONSTRAINT t_c_unique UNIQUE (c);
CREATE AGGREGATE agg(int) (sfunc = int4pl, stype = int);
`;

const statements = () =>
  declaringStatements([{ file: 'models/01.sql', statements: splitStatements(MODELS) }]);

function object(
  part: UnsupportedPart,
  type: string,
  names: string[],
  args: string[] = [],
): UnsupportedObject {
  return { part, kind: type, name: names.join('.'), address: { type, names, args } };
}

function lineOf(found: UnsupportedObject, pick: 'first' | 'last' = 'first'): number | undefined {
  return locate(found, statements(), pick)?.line;
}

describe('locate', () => {
  it('finds the CREATE statement of each kind of object, from the address Postgres gives', () => {
    const cases: Array<[UnsupportedObject, number]> = [
      [object('object', 'operator', ['public', '==='], ['integer', 'integer']), 3],
      [object('object', 'operator family', ['btree', 'public', 'myops']), 4],
      [object('object', 'operator class', ['btree', 'public', 'myops']), 4],
      [object('object', 'cast', ['public.t'], ['pg_catalog.text']), 5],
      [object('object', 'publication', ['pub']), 6],
      [object('object', 'publication relation', ['public', 't'], ['pub']), 6],
      [object('object', 'foreign-data wrapper', ['w']), 7],
      [object('object', 'server', ['s']), 8],
      [object('object', 'user mapping', ['postgres'], ['s']), 9],
      [object('object', 'foreign table', ['public', 'ft']), 10],
      [object('object', 'text search configuration', ['public', 'cfg']), 11],
      [object('object', 'conversion', ['public', 'myconv']), 12],
      [object('object', 'event trigger', ['et']), 13],
      [object('object', 'transform', ['integer'], ['plpgsql']), 16],
      [object('object', 'default acl', ['postgres', 'public'], ['r']), 18],
      [object('object', 'schema', ['other']), 19],
      [object('object', 'table', ['other', 'x']), 19],
      [object('object', 'rule', ['public', 't', 'r']), 20],
      [object('object', 'statistics object', ['public', 'st']), 22],
      [object('object', 'type', ['public.fr']), 23],
      [object('object', 'type', ['public."My Type"']), 24],
      [object('object', 'domain constraint', ['public.d'], ['d_positive']), 27],
      [object('object', 'cast', ['integer'], ['public.d']), 28],
      [object('object', 'table constraint', ['public', 't', 't_c_unique']), 29],
      [object('object', 'aggregate', ['public', 'agg'], ['integer']), 30],
    ];
    for (const [found, line] of cases)
      expect({ object: found.address, line: lineOf(found) }).toEqual({ object: found.address, line });
  });

  it('finds comments, grants and security labels at their own statements', () => {
    expect(lineOf(object('comment', 'extension', ['citext']))).toBe(14);
    expect(lineOf(object('comment', 'table constraint', ['public', 't', 't_c_check']))).toBe(15);
    expect(lineOf(object('comment', 'table column', ['public', 't', 'c']))).toBe(21);
    expect(lineOf(object('privileges', 'table', ['public', 't']))).toBe(17);
    expect(lineOf(object('privileges', 'table column', ['public', 't', 'c']))).toBe(26);
    expect(lineOf(object('security label', 'table', ['public', 't']))).toBe(25);
  });

  it('finds what no statement names (a default, an unnamed constraint) at its relation', () => {
    expect(lineOf(object('object', 'default value', ['public', 'ft', 'a']))).toBe(10);
    expect(lineOf(object('object', 'table constraint', ['public', 't', 't_c_check']))).toBe(1);
    expect(lineOf(object('object', 'operator', ['public', '<<<'], ['integer', 'integer']))).toBeUndefined();
  });

  it('takes the first declaration in models and the last one in migrations', () => {
    const history = declaringStatements([
      { file: '0001_a.sql', statements: splitStatements('CREATE PUBLICATION pub;') },
      { file: '0002_b.sql', statements: splitStatements('DROP PUBLICATION pub;\n\nCREATE PUBLICATION pub;') },
    ]);
    const pub = object('object', 'publication', ['pub']);
    expect(locate(pub, history, 'first')).toEqual({ file: '0001_a.sql', line: 1 });
    expect(locate(pub, history, 'last')).toEqual({ file: '0002_b.sql', line: 3 });
  });
});

describe('addressPath', () => {
  const path = (type: string, names: string[], args: string[] = []) =>
    addressPath({ type, names, args } satisfies ObjectAddress);

  it('splits formatted type names and keeps what statements name', () => {
    expect(path('cast', ['public.t'], ['pg_catalog.text'])).toEqual([
      ['public', 't'],
      ['pg_catalog', 'text'],
    ]);
    expect(path('operator class', ['btree', 'public', 'myops'])).toEqual([['public', 'myops']]);
    expect(path('trigger', ['public', 't', 'tr'])).toEqual([['public', 't', 'tr']]);
    expect(splitQualified('public."a.b""c"[]')).toEqual(['public', 'a.b"c[]']);
  });
});
