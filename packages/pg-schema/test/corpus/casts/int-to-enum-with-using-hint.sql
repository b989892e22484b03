-- Integer to an enum has no cast in either direction: the model's `-- @using up: ...; down: ...`
-- hint gives both conversions. The values map over and back.
-- @version 1
CREATE TYPE level AS ENUM ('low', 'high');
CREATE TABLE t (id int PRIMARY KEY, c int);
-- @seed
INSERT INTO t VALUES (1, 1), (2, 2), (3, NULL);
-- @version 2
CREATE TYPE level AS ENUM ('low', 'high');
CREATE TABLE t (
    id int PRIMARY KEY,
    c level -- @using up: (ARRAY['low', 'high']::level[])[c]; down: array_position(ARRAY['low', 'high']::level[], c)
);
