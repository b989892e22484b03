-- @version 1
CREATE TABLE slots (id int PRIMARY KEY);
-- @version 2
CREATE FUNCTION time_diff(a time, b time) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT EXTRACT(EPOCH FROM (a - b)) $$;
CREATE TYPE timerange AS RANGE (subtype = time, subtype_diff = time_diff);
CREATE TABLE slots (id int PRIMARY KEY, during timerange, EXCLUDE USING gist (during WITH &&));
