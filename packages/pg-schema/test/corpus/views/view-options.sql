-- @version 1
CREATE TABLE notes (id int PRIMARY KEY, owner text NOT NULL, body text);
CREATE VIEW my_notes AS SELECT id, owner, body FROM notes WHERE owner = current_user;
-- @version 2
CREATE TABLE notes (id int PRIMARY KEY, owner text NOT NULL, body text);
CREATE VIEW my_notes WITH (security_invoker = true) AS SELECT id, owner, body FROM notes WHERE owner = current_user
  WITH LOCAL CHECK OPTION;
-- @version 3
CREATE TABLE notes (id int PRIMARY KEY, owner text NOT NULL, body text);
CREATE VIEW my_notes WITH (security_barrier) AS SELECT id, owner, body FROM notes WHERE owner = current_user
  WITH CASCADED CHECK OPTION;
