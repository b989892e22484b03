-- A @using hint must be one SQL expression: it cannot carry another statement.
-- @expect-error @using: "c::int; DROP TABLE t" is not one SQL expression.
-- @version 1
CREATE TABLE t (id int PRIMARY KEY, c text);
-- @version 2
CREATE TABLE t (id int PRIMARY KEY, c int -- @using c::int; DROP TABLE t
);
