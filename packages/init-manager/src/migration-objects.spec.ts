import { parseMigrationFile } from './migration-file';
import { createdObjects } from './migration-objects';
import { loadSqlParser } from './sql-statements';

beforeAll(() => loadSqlParser());

const labelsOf = (up: string) =>
  createdObjects(parseMigrationFile('0001_x.sql', `-- migrate:up\n${up}\n`).migration!).map((o) => o.label);

describe('createdObjects', () => {
  it('names what an up section creates, from the parse tree', () => {
    expect(
      labelsOf(`
        CREATE SCHEMA billing;
        CREATE EXTENSION citext;
        CREATE TYPE billing.mood AS ENUM ('a');
        CREATE TYPE pair AS (a int, b int);
        CREATE DOMAIN positive AS int CHECK (VALUE > 0);
        CREATE SEQUENCE billing.seq;
        CREATE TABLE billing.invoices (id int);
        CREATE UNIQUE INDEX invoices_id_idx ON billing.invoices (id);
        CREATE VIEW v AS SELECT 1;
        CREATE MATERIALIZED VIEW mv AS SELECT 1;
        CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
        CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 1';
        CREATE TRIGGER t BEFORE INSERT ON billing.invoices FOR EACH ROW EXECUTE FUNCTION f();
        CREATE POLICY own ON billing.invoices USING (true);
        ALTER TYPE billing.mood ADD VALUE 'b';
        ALTER TABLE billing.invoices ADD COLUMN total int, ADD CONSTRAINT total_positive CHECK (total > 0);
      `),
    ).toEqual([
      'schema billing',
      'extension citext',
      'type billing.mood',
      'type pair',
      'domain positive',
      'sequence billing.seq',
      'table billing.invoices',
      'index billing.invoices_id_idx',
      'view v',
      'materialized view mv',
      'function f',
      'procedure p',
      'trigger t on billing.invoices',
      'policy own on billing.invoices',
      "value 'b' of enum billing.mood",
      'column billing.invoices.total',
      'constraint total_positive on billing.invoices',
    ]);
  });

  it('leaves out statements that do not fail on an existing object', () => {
    expect(
      labelsOf(`
        CREATE TABLE IF NOT EXISTS a (id int);
        CREATE INDEX IF NOT EXISTS a_idx ON a (id);
        CREATE OR REPLACE VIEW v AS SELECT 1;
        CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
        ALTER TYPE mood ADD VALUE IF NOT EXISTS 'b';
        ALTER TABLE a ADD COLUMN IF NOT EXISTS b int;
        CREATE SCHEMA IF NOT EXISTS s;
        UPDATE a SET id = 1;
      `),
    ).toEqual([]);
  });
});
