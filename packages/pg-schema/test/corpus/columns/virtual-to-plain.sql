-- Virtual -> plain: PG18 refuses DROP EXPRESSION on a virtual column (it has no stored values to
-- keep), so the column is dropped and added plain (its values are gone: lint says drop column).
-- @min-server 18
-- @expect-no-sql DROP EXPRESSION
-- @version 1
CREATE TABLE t (id int PRIMARY KEY, price numeric, total numeric GENERATED ALWAYS AS (price * 2) VIRTUAL);
-- @seed
INSERT INTO t (id, price) VALUES (1, 10), (2, 20);
-- @version 2
CREATE TABLE t (id int PRIMARY KEY, price numeric, total numeric DEFAULT 0);
-- @check
INSERT INTO t (id, price, total) VALUES (3, 1, 5);
