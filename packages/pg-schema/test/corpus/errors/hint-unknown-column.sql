-- @expect-error @renamed-from fullname: table public.users has no column fullname
-- @version 1
CREATE TABLE users (id int PRIMARY KEY, full_name text);
-- @version 2
CREATE TABLE users (
  id int PRIMARY KEY,
  display_name text -- @renamed-from fullname
);
