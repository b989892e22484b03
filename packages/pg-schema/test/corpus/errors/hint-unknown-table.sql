-- @expect-error @renamed-from user: there is no table public.user
-- @version 1
CREATE TABLE users (id int PRIMARY KEY);
-- @version 2
CREATE TABLE accounts ( -- @renamed-from user
  id int PRIMARY KEY
);
