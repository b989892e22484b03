-- Retypes that Postgres converts in different ways: a range to a range of another subtype (no
-- cast: through text), a domain of the old schema to an enum of the new one (the domain's base
-- type casts), text to an extension type and varchar(10) to varchar(20) (casts).
-- @version 1
CREATE DOMAIN code AS text CHECK (VALUE <> '');
CREATE TABLE t (id int PRIMARY KEY, r int4range, k code, email text, short varchar(10));
-- @seed
INSERT INTO t VALUES (1, '[1,5)', 'on', 'A@x.org', 'abc');
-- @version 2
CREATE EXTENSION citext;
CREATE TYPE state AS ENUM ('on', 'off');
CREATE TABLE t (id int PRIMARY KEY, r numrange, k state, email citext, short varchar(20));
