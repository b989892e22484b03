-- @version 1
CREATE TABLE t (id int);
-- @version 2
CREATE EXTENSION IF NOT EXISTS pg_trgm VERSION '1.4';
CREATE TABLE t (id int);
-- @version 3
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE t (id int);
