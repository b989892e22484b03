-- Found by the column-change matrix: a generated integer column becomes a plain enum column: it
-- keeps its values (DROP EXPRESSION) and converts them with the column's @using hint; down
-- recomputes the generated column.
-- @version 1
CREATE TYPE e2 AS ENUM ('a', 'b');
CREATE TABLE t (id int PRIMARY KEY, c int GENERATED ALWAYS AS (id) STORED);
-- @seed
INSERT INTO t (id) VALUES (1), (2);
-- @version 2
CREATE TYPE e2 AS ENUM ('a', 'b');
CREATE TABLE t (
    id int PRIMARY KEY,
    c e2 -- @using (ARRAY['a', 'b']::e2[])[c]
);
