-- Virtual -> stored (same expression): drop and add; the stored column computes every row.
-- @min-server 18
-- @expect-sql STORED
-- @version 1
CREATE TABLE t (id int PRIMARY KEY, price numeric, total numeric GENERATED ALWAYS AS (price * 2));
-- @seed
INSERT INTO t (id, price) VALUES (1, 10), (2, 20);
-- @version 2
CREATE TABLE t (id int PRIMARY KEY, price numeric, total numeric GENERATED ALWAYS AS (price * 2) STORED);
