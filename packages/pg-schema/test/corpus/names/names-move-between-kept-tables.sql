-- A unique constraint name and an index name move from one kept table to another (and back in
-- down): each name is released (DROP CONSTRAINT / DROP INDEX) before the other table takes it.
-- The rows of both tables survive.
-- @version 1
CREATE TABLE a (id int PRIMARY KEY, code text CONSTRAINT shared_code_key UNIQUE, note text);
CREATE INDEX shared_note_idx ON a (note);
CREATE TABLE b (id int PRIMARY KEY, code text, note text);
-- @seed
INSERT INTO a VALUES (1, 'x', 'n1'), (2, 'y', 'n2');
INSERT INTO b VALUES (1, 'x', 'n1'), (2, 'w', 'n1');
-- @version 2
CREATE TABLE a (id int PRIMARY KEY, code text, note text);
CREATE TABLE b (id int PRIMARY KEY, code text CONSTRAINT shared_code_key UNIQUE, note text);
CREATE INDEX shared_note_idx ON b (note);
-- @seed
INSERT INTO a VALUES (3, 'z', 'n3');
INSERT INTO b VALUES (3, 'z', 'n3');
-- @version 3
CREATE TABLE a (id int PRIMARY KEY, code text, note text);
CREATE TABLE b (id int PRIMARY KEY, code text, note text);
CREATE UNIQUE INDEX shared_code_key ON a (code);
CREATE INDEX shared_note_idx ON a (note, id);
