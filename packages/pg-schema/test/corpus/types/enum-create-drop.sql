-- @version 1
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE people (id int PRIMARY KEY, mood mood NOT NULL DEFAULT 'ok');
-- @version 2
CREATE TYPE size AS ENUM ('s', 'm', 'l');
COMMENT ON TYPE size IS 'T-shirt sizes';
CREATE TABLE people (id int PRIMARY KEY, size size);
