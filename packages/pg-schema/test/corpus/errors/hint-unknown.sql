-- A comment that starts with a hint name generate does not know is refused (a typo would be lost).
-- @expect-error unknown hint @usnig; the hints are @renamed-from and @using
-- @version 1
CREATE TABLE t (id int PRIMARY KEY, c text);
-- @version 2
CREATE TABLE t (id int PRIMARY KEY, c int -- @usnig c::int
);
