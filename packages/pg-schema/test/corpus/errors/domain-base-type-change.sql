-- @expect-error The base type or collation of domain public.code changes (character varying(10) -> text)
-- @version 1
CREATE DOMAIN code AS varchar(10);
CREATE TABLE items (id int PRIMARY KEY, code code);
-- @version 2
CREATE DOMAIN code AS text;
CREATE TABLE items (id int PRIMARY KEY, code code);
