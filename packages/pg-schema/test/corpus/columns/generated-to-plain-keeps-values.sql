-- A generated column that becomes a plain column keeps its values (DROP EXPRESSION), it is not
-- dropped and added again; the other way (plain -> generated) recomputes them.
-- @version 1
CREATE TABLE t (id int PRIMARY KEY, price numeric, total numeric GENERATED ALWAYS AS (price * 2) STORED);
-- @seed
INSERT INTO t (id, price) VALUES (1, 10), (2, 20);
-- @version 2
CREATE TABLE t (id int PRIMARY KEY, price numeric, total numeric DEFAULT 0);
-- @check
INSERT INTO t (id, price) VALUES (3, 1);
