-- @version 1
CREATE TYPE color AS ENUM ('red', 'blue');
CREATE TABLE paints (id int PRIMARY KEY, color color);
-- @version 2
CREATE TYPE color AS ENUM ('black', 'red', 'orange', 'yellow', 'blue', 'violet', 'white');
CREATE TABLE paints (id int PRIMARY KEY, color color);
