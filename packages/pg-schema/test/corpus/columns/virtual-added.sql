-- PG18 VIRTUAL generated columns added to a table with rows: `GENERATED ALWAYS AS (expr)` without
-- STORED is virtual on PG18, as is an explicit VIRTUAL; both are catalog changes (nothing stored).
-- @min-server 18
-- @expect-sql VIRTUAL
-- @version 1
CREATE TABLE t (id int PRIMARY KEY, price numeric NOT NULL);
-- @seed
INSERT INTO t (id, price) VALUES (1, 10), (2, 20);
-- @version 2
CREATE TABLE t (
  id int PRIMARY KEY,
  price numeric NOT NULL,
  doubled numeric GENERATED ALWAYS AS (price * 2),
  label text COLLATE "C" GENERATED ALWAYS AS ('#' || id::text) VIRTUAL NOT NULL
);
-- @check
INSERT INTO t (id, price) VALUES (3, 1);
DO $$ BEGIN IF (SELECT doubled FROM t WHERE id = 3) <> 2 THEN RAISE 'doubled is not computed'; END IF; END $$;
