-- Column privileges, and a table-level REVOKE (which also takes the column privileges of the
-- same kind) while a column privilege stays.
-- @version 1
CREATE TABLE accounts (id int PRIMARY KEY, email text, secret text);
GRANT SELECT ON accounts TO app_reader;
GRANT SELECT (email) ON accounts TO app_reader;
-- @version 2
CREATE TABLE accounts (id int PRIMARY KEY, email text, secret text);
GRANT SELECT (id, email), UPDATE (email) ON accounts TO app_reader;
GRANT REFERENCES (id) ON accounts TO app_writer WITH GRANT OPTION;
-- @version 3
CREATE TABLE accounts (id int PRIMARY KEY, email text, secret text, phone text);
GRANT SELECT (id, email, phone) ON accounts TO app_reader;
GRANT ALL (phone) ON accounts TO app_writer;
-- @version 4
CREATE TABLE accounts (id int PRIMARY KEY, email text);
GRANT SELECT (id) ON accounts TO app_reader;
