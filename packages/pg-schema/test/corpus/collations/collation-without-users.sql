-- @version 1
CREATE TABLE t (id int);
-- @version 2
CREATE COLLATION c2 (locale = 'C');
CREATE COLLATION german (provider = icu, locale = 'de-DE');
CREATE TABLE t (id int);
-- @version 3
CREATE COLLATION c2 (provider = icu, locale = 'fr-FR');
CREATE TABLE t (id int);
