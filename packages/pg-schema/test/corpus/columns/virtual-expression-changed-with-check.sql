-- PG18 refuses SET EXPRESSION on a virtual column of a table with CHECK constraints: the column is
-- dropped and added again (nothing is stored, so no values are lost).
-- @min-server 18
-- @expect-no-sql SET EXPRESSION
-- @version 1
CREATE TABLE t (id int PRIMARY KEY, price numeric CHECK (price >= 0), total numeric GENERATED ALWAYS AS (price * 2));
-- @seed
INSERT INTO t (id, price) VALUES (1, 10), (2, 20);
-- @version 2
CREATE TABLE t (id int PRIMARY KEY, price numeric CHECK (price >= 0), total numeric GENERATED ALWAYS AS (price * 3));
