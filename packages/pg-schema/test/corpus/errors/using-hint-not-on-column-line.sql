-- @using belongs on the line that defines the column.
-- @expect-error @using must be on the line that defines the column.
-- @version 1
CREATE TABLE t (id int PRIMARY KEY, c text);
-- @version 2
CREATE TABLE t ( -- @using c::int
    id int PRIMARY KEY, c int);
