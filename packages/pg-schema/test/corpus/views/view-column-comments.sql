-- @version 1
CREATE TABLE users (id int PRIMARY KEY, email text);
CREATE VIEW user_emails AS SELECT id, email FROM users;
CREATE MATERIALIZED VIEW user_count AS SELECT count(*) AS n FROM users;
-- @version 2
CREATE TABLE users (id int PRIMARY KEY, email text);
CREATE VIEW user_emails AS SELECT id, email FROM users;
COMMENT ON COLUMN user_emails.email IS 'Primary email';
COMMENT ON COLUMN user_emails.id IS 'User id';
CREATE MATERIALIZED VIEW user_count AS SELECT count(*) AS n FROM users;
COMMENT ON COLUMN user_count.n IS 'Number of users';
-- @version 3
CREATE TABLE users (id int PRIMARY KEY, email text);
CREATE VIEW user_emails AS SELECT id, email, lower(email) AS email_key FROM users;
COMMENT ON COLUMN user_emails.email IS 'Primary email address';
COMMENT ON COLUMN user_emails.email_key IS 'Lowercase';
CREATE MATERIALIZED VIEW user_count AS SELECT count(*) AS n FROM users;
