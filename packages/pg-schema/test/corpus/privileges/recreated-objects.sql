-- Objects the engine drops and creates again lose their ACL in Postgres: the grants are
-- written again after the create (a view over a retyped column, a function whose result type
-- changes, an enum whose value is removed, a generated column whose expression changes).
-- @skip-pg-dump the generated column is dropped and added again, so it moves to the end of the table
-- @version 1
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
REVOKE USAGE ON TYPE mood FROM PUBLIC;
GRANT USAGE ON TYPE mood TO app_reader;
CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) STORED, m mood);
GRANT SELECT (b) ON t TO app_reader;
CREATE VIEW v AS SELECT a FROM t;
GRANT SELECT ON v TO app_reader;
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION f() TO app_reader;
-- @version 2
CREATE TYPE mood AS ENUM ('ok', 'happy');
REVOKE USAGE ON TYPE mood FROM PUBLIC;
GRANT USAGE ON TYPE mood TO app_reader;
CREATE TABLE t (a bigint, b bigint GENERATED ALWAYS AS (a * 3) STORED, m mood);
GRANT SELECT (b) ON t TO app_reader;
CREATE VIEW v AS SELECT a FROM t;
GRANT SELECT ON v TO app_reader;
CREATE FUNCTION f() RETURNS bigint LANGUAGE sql AS 'SELECT 1::bigint';
REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION f() TO app_reader;
