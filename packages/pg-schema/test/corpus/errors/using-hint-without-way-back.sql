-- A `-- @using` hint for up only, where the way back (enum to integer) has no cast either: the
-- down section needs its own expression, and the message says where to add it.
-- @expect-error for the down section (back to the committed type). Add the way back to the hint at
-- @version 1
CREATE TYPE level AS ENUM ('low', 'high');
CREATE TABLE t (id int PRIMARY KEY, c int);
-- @version 2
CREATE TYPE level AS ENUM ('low', 'high');
CREATE TABLE t (id int PRIMARY KEY, c level -- @using (ARRAY['low', 'high']::level[])[c]
);
