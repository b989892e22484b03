-- @version 1
CREATE TYPE address AS (street text, city varchar(40), zip text);
CREATE TYPE legacy_pair AS (a int, b int);
CREATE TYPE label AS (name text, weight int);
CREATE TABLE customers (id int PRIMARY KEY, home address);
CREATE FUNCTION default_label() RETURNS label LANGUAGE sql AS $$ SELECT ROW('none', 0)::label $$;
-- @version 2
CREATE TYPE address AS (street text, city varchar(40), country char(2) COLLATE "C");
CREATE TYPE point3 AS (x float8, y float8, z float8);
COMMENT ON TYPE point3 IS 'A point in space';
CREATE TYPE label AS (name varchar(100), weight numeric(6,2));
CREATE TABLE customers (id int PRIMARY KEY, home address, location point3);
CREATE FUNCTION default_label() RETURNS label LANGUAGE sql AS $$ SELECT ROW('none', 0)::label $$;
