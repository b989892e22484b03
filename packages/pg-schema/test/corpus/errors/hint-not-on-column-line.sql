-- @expect-error @renamed-from must be on the line that defines the renamed column
-- @version 1
CREATE TABLE users (id int PRIMARY KEY, email text);
-- @version 2
CREATE TABLE users (
  id int PRIMARY KEY,
  email text,
  CONSTRAINT users_email_key UNIQUE (email) -- @renamed-from users_email
);
