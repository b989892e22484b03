-- @version 1
CREATE SCHEMA archive;
CREATE TABLE events (id int PRIMARY KEY, at timestamptz NOT NULL);
CREATE INDEX events_at ON events (at);
CREATE TYPE archive.kind AS ENUM ('a', 'b');
-- @version 2
CREATE SCHEMA archive;
CREATE TABLE archive.events (id int PRIMARY KEY, at timestamptz NOT NULL);
CREATE INDEX events_at ON archive.events (at);
CREATE TYPE kind AS ENUM ('a', 'b');
