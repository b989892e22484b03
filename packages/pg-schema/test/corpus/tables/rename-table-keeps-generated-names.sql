-- @expect-no-sql DROP
-- @version 1
CREATE TABLE orgs (id int PRIMARY KEY);
CREATE TABLE users (
  id serial PRIMARY KEY,
  email text NOT NULL UNIQUE,
  org_id int REFERENCES orgs (id),
  age int CHECK (age > 0),
  code bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX ON users (lower(email));
CREATE INDEX users_by_org ON users (org_id);
CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users (id));
CREATE VIEW adults AS SELECT id, email FROM users WHERE age >= 18;
-- @version 2
CREATE TABLE orgs (id int PRIMARY KEY);
CREATE TABLE accounts ( -- @renamed-from users
  id serial PRIMARY KEY,
  email text NOT NULL UNIQUE,
  org_id int REFERENCES orgs (id),
  age int CHECK (age > 0),
  code bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX ON accounts (lower(email));
CREATE INDEX users_by_org ON accounts (org_id);
CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES accounts (id));
CREATE VIEW adults AS SELECT id, email FROM accounts WHERE age >= 18;
