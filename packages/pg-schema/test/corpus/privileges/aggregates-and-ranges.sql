-- Grants on the kinds added beside privileges: an aggregate (GRANT ... ON FUNCTION, an
-- ordered-set one lists every argument) and a range type; PUBLIC's default EXECUTE and USAGE
-- revoked and given back.
-- @version 1
CREATE FUNCTION add_int(int, int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1 + $2';
CREATE AGGREGATE total(int) (SFUNC = add_int, STYPE = int, INITCOND = '0');
CREATE TYPE floatrange AS RANGE (SUBTYPE = float8, SUBTYPE_DIFF = float8mi);
-- @version 2
CREATE FUNCTION add_int(int, int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1 + $2';
CREATE AGGREGATE total(int) (SFUNC = add_int, STYPE = int, INITCOND = '0');
CREATE TYPE floatrange AS RANGE (SUBTYPE = float8, SUBTYPE_DIFF = float8mi);
REVOKE EXECUTE ON FUNCTION total(int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION total(int) TO app_reader;
REVOKE USAGE ON TYPE floatrange FROM PUBLIC;
GRANT USAGE ON TYPE floatrange TO app_reader WITH GRANT OPTION;
-- @version 3
CREATE FUNCTION add_int(int, int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1 + $2';
CREATE AGGREGATE total(int) (SFUNC = add_int, STYPE = int, INITCOND = '0');
CREATE TYPE floatrange AS RANGE (SUBTYPE = float8, SUBTYPE_DIFF = float8mi);
GRANT EXECUTE ON FUNCTION total(int) TO app_writer;
