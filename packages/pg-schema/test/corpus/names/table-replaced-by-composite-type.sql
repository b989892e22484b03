-- A table dropped and a composite type of the same name created (both take the name in pg_class
-- and pg_type), and the other way round in down.
-- @version 1
CREATE TABLE address (street text, city text);
CREATE TABLE customer (id int PRIMARY KEY);
-- @version 2
CREATE TYPE address AS (street text, city text);
CREATE TABLE customer (id int PRIMARY KEY, home address);
