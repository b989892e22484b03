-- @version 1
CREATE TABLE users (id int PRIMARY KEY, full_name text NOT NULL, email text);
CREATE INDEX users_full_name ON users (full_name);
CREATE VIEW user_names AS SELECT id, full_name FROM users;
-- @version 2
CREATE TABLE accounts ( -- @renamed-from users
  id int PRIMARY KEY,
  display_name text NOT NULL, -- @renamed-from full_name
  email text
);
CREATE INDEX users_full_name ON accounts (display_name);
CREATE VIEW user_names AS SELECT id, display_name AS full_name FROM accounts;
