-- Issue 12 bug 2: an enum column moved to another enum has no cast: it converts through text
-- (USING c::text::e2), arrays of enums and a domain over an enum too. The values survive both ways.
-- @version 1
CREATE TYPE e1 AS ENUM ('a', 'b');
CREATE TYPE e2 AS ENUM ('a', 'b', 'c');
CREATE DOMAIN d1 AS e1;
CREATE TABLE t (id int PRIMARY KEY, c e1, tags e1[], d d1);
-- @seed
INSERT INTO t VALUES (1, 'a', '{a,b}', 'b'), (2, 'b', '{}', NULL);
-- @version 2
CREATE TYPE e1 AS ENUM ('a', 'b');
CREATE TYPE e2 AS ENUM ('a', 'b', 'c');
CREATE TABLE t (id int PRIMARY KEY, c e2, tags e2[], d e2);
