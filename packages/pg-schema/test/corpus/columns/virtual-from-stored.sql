-- Stored -> virtual (and back in the down section) cannot change in place: drop and add.
-- @min-server 18
-- @expect-sql VIRTUAL
-- @version 1
CREATE TABLE t (id int PRIMARY KEY, price numeric, total numeric GENERATED ALWAYS AS (price * 2) STORED);
-- @seed
INSERT INTO t (id, price) VALUES (1, 10), (2, 20);
-- @version 2
CREATE TABLE t (id int PRIMARY KEY, price numeric, total numeric GENERATED ALWAYS AS (price * 2) VIRTUAL);
