-- @version 1
CREATE TABLE a (id int PRIMARY KEY);
CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));
CREATE TABLE legacy (id serial PRIMARY KEY, note text);
-- @version 2
CREATE TABLE a (id int PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, a_id int REFERENCES a (id) ON DELETE RESTRICT);
