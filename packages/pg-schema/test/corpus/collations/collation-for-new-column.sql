-- @version 1
CREATE TABLE customers (id int PRIMARY KEY, name text);
-- @seed
INSERT INTO customers VALUES (1, 'Ana'), (2, 'bob');
-- @version 2
CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
COMMENT ON COLLATION case_insensitive IS 'Compares without case';
CREATE TABLE customers (id int PRIMARY KEY, name text COLLATE case_insensitive, email text COLLATE case_insensitive);
CREATE TABLE tags (label text COLLATE case_insensitive PRIMARY KEY);
-- @seed
INSERT INTO customers VALUES (1, 'Ana', 'ana@example.com');
-- @version 3
CREATE COLLATION posix_c (locale = 'C');
CREATE COLLATION mixed (provider = libc, lc_collate = 'C', lc_ctype = 'C.UTF-8');
CREATE TABLE customers (id int PRIMARY KEY, name text COLLATE posix_c, email text COLLATE mixed);
