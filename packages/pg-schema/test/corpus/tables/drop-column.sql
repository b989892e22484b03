-- @version 1
CREATE TABLE users (id int PRIMARY KEY, email text, legacy_code varchar(20));
CREATE INDEX users_legacy ON users (legacy_code);
-- @version 2
CREATE TABLE users (id int PRIMARY KEY, email text);
