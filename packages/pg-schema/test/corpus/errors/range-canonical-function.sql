-- @expect-error has a canonical function
-- @version 1
CREATE TABLE t (id int);
-- @version 2
CREATE TYPE dayrange;
CREATE FUNCTION dayrange_canonical(dayrange) RETURNS dayrange LANGUAGE internal IMMUTABLE STRICT AS 'int4range_canonical';
CREATE TYPE dayrange AS RANGE (subtype = int4, canonical = dayrange_canonical);
CREATE TABLE t (id int);
