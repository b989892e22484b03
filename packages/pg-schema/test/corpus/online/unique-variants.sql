-- Unique constraints an index can carry: INCLUDE, NULLS NOT DISTINCT,
-- DEFERRABLE; all built concurrently and added USING INDEX.
-- @expect-sql UNIQUE USING INDEX accounts_email_key DEFERRABLE INITIALLY DEFERRED
-- @expect-sql INCLUDE (name)
-- @expect-sql NULLS NOT DISTINCT
-- @version 1
CREATE TABLE accounts (id int PRIMARY KEY, email text, name text, handle text, code text);
-- @seed
INSERT INTO accounts SELECT g, 'e' || g, 'n' || g, 'h' || g, 'c' || g FROM generate_series(1, 100) g;
UPDATE accounts SET code = NULL WHERE id = 1;
-- @version 2
CREATE TABLE accounts (
  id int PRIMARY KEY,
  email text,
  name text,
  handle text,
  code text,
  CONSTRAINT accounts_email_key UNIQUE (email) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT accounts_handle_key UNIQUE (handle) INCLUDE (name),
  CONSTRAINT accounts_code_key UNIQUE NULLS NOT DISTINCT (code)
);
