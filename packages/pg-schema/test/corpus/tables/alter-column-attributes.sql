-- @version 1
CREATE TABLE items (id int PRIMARY KEY, name varchar(50), price numeric(10,2) DEFAULT 0, code text COLLATE "C", note text);
-- @version 2
CREATE TABLE items (id int PRIMARY KEY, name varchar(120) NOT NULL, price numeric(12,2), code text, note text DEFAULT 'n/a');
-- @version 3
CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, price numeric(12,2) DEFAULT 1.5, code text COLLATE "POSIX", note text);
