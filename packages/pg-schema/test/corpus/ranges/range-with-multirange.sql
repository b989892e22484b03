-- @version 1
CREATE TABLE t (id int);
-- @seed
INSERT INTO t VALUES (1), (2);
-- @version 2
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE textrange AS RANGE (subtype = text, collation = "C", multirange_type_name = text_ranges);
COMMENT ON TYPE floatrange IS 'Ranges of doubles';
CREATE TABLE t (id int, r floatrange, spans floatmultirange, words text_ranges);
CREATE FUNCTION width(r floatrange) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$ SELECT upper(r) - lower(r) $$;
CREATE VIEW wide AS SELECT id, r FROM t WHERE width(r) > 1;
-- @version 3
CREATE TYPE floatrange AS RANGE (subtype = float8);
CREATE TYPE textrange AS RANGE (subtype = text, collation = "C", multirange_type_name = text_ranges);
CREATE TABLE t (id int);
CREATE FUNCTION width(r floatrange) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$ SELECT upper(r) - lower(r) $$;
-- @version 4
CREATE TABLE t (id int);
