-- A virtual column's new expression is SET EXPRESSION (PG18: no rewrite, the column keeps its
-- place and the view on it stays), not a drop and add.
-- @min-server 18
-- @expect-sql SET EXPRESSION AS
-- @expect-no-sql DROP
-- @version 1
CREATE TABLE t (id int PRIMARY KEY, price numeric, total numeric GENERATED ALWAYS AS (price * 2) VIRTUAL, note text);
CREATE VIEW t_totals AS SELECT id, total FROM t;
-- @seed
INSERT INTO t (id, price, note) VALUES (1, 10, 'a'), (2, 20, 'b');
-- @version 2
CREATE TABLE t (id int PRIMARY KEY, price numeric, total numeric GENERATED ALWAYS AS (price * 3) VIRTUAL, note text);
CREATE VIEW t_totals AS SELECT id, total FROM t;
-- @check
DO $$ BEGIN IF (SELECT total FROM t_totals WHERE id = 1) IS DISTINCT FROM 30 THEN RAISE 'total is not price * 3'; END IF; END $$;
