-- Integer to an enum has no cast: generate stops and says how to give the conversion.
-- @expect-error Column public.t.c changes type from integer to public.level, and Postgres has no cast between them. Say how to convert the values with a hint on the column's line in the models: -- @using
-- @version 1
CREATE TYPE level AS ENUM ('low', 'high');
CREATE TABLE t (id int PRIMARY KEY, c int);
-- @version 2
CREATE TYPE level AS ENUM ('low', 'high');
CREATE TABLE t (id int PRIMARY KEY, c level);
