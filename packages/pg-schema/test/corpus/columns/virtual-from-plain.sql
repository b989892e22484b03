-- Plain -> virtual: the column is dropped and added as a virtual one (its values are computed).
-- @min-server 18
-- @expect-sql VIRTUAL
-- @version 1
CREATE TABLE t (id int PRIMARY KEY, price numeric, total numeric);
-- @seed
INSERT INTO t (id, price, total) VALUES (1, 10, 1), (2, 20, 2);
-- @version 2
CREATE TABLE t (id int PRIMARY KEY, price numeric, total numeric GENERATED ALWAYS AS (price * 2) VIRTUAL);
