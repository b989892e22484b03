-- @expect-error @renamed-from must be on a CREATE TABLE line or a column line of one
-- @version 1
CREATE TABLE users (id int PRIMARY KEY, email text);
CREATE INDEX users_email ON users (email);
-- @version 2
CREATE TABLE users (id int PRIMARY KEY, email text);
CREATE INDEX users_email_idx ON users (email); -- @renamed-from users_email
