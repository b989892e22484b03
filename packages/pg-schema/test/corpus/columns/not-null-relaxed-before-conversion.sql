-- Found by the column-change matrix: a NOT NULL column whose conversion gives NULLs for some rows
-- and that becomes nullable drops NOT NULL before the type changes (tightening comes after).
-- @version 1
CREATE TYPE e2 AS ENUM ('a', 'b');
CREATE TABLE t (id int PRIMARY KEY, c int NOT NULL);
-- @seed
INSERT INTO t VALUES (1, 1), (2, 2), (3, 3);
-- @version 2
CREATE TYPE e2 AS ENUM ('a', 'b');
CREATE TABLE t (
    id int PRIMARY KEY,
    c e2 -- @using up: (ARRAY['a', 'b']::e2[])[c]; down: coalesce(array_position(ARRAY['a', 'b']::e2[], c), 3)
);
