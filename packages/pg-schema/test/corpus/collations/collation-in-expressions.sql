-- @version 1
CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE people (id int PRIMARY KEY, name text);
CREATE INDEX people_name_ci ON people ((name COLLATE ci));
CREATE VIEW sorted_people AS SELECT id, name FROM people ORDER BY name COLLATE ci;
CREATE TYPE name_range AS RANGE (subtype = text, collation = "C");
-- @seed
INSERT INTO people VALUES (1, 'Zoe'), (2, 'adam');
-- @version 2
CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level1', deterministic = false);
CREATE TABLE people (id int PRIMARY KEY, name text);
CREATE INDEX people_name_ci ON people ((name COLLATE ci));
CREATE VIEW sorted_people AS SELECT id, name FROM people ORDER BY name COLLATE ci;
CREATE TYPE name_range AS RANGE (subtype = text, collation = "C");
