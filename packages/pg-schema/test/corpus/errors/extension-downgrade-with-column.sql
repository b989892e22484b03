-- @expect-error Extension citext would go from version 1.6 to 1.5
-- @version 1
CREATE EXTENSION citext VERSION '1.5';
CREATE TABLE users (id int, email citext);
-- @version 2
CREATE EXTENSION citext VERSION '1.6';
CREATE TABLE users (id int, email citext);
