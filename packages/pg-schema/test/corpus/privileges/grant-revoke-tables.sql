-- Table grants to roles the models name: one role declared by CREATE ROLE in the models (only a
-- declaration: created on the shadow server, never by a migration), the rest created for the run.
-- @version 1
CREATE ROLE app_reader;
CREATE TABLE t (a int);
-- @version 2
CREATE TABLE t (a int);
GRANT SELECT ON t TO app_reader;
-- @version 3
CREATE TABLE t (a int);
GRANT SELECT, INSERT ON t TO app_reader WITH GRANT OPTION;
GRANT ALL ON t TO app_writer;
-- @version 4
CREATE TABLE t (a int);
GRANT SELECT ON t TO app_reader;
GRANT UPDATE ON t TO app_reader WITH GRANT OPTION;
GRANT SELECT, UPDATE ON t TO app_writer;
-- @version 5
CREATE TABLE t (a int);
GRANT ALL ON t TO PUBLIC;
-- @version 6
CREATE TABLE t (a int);
