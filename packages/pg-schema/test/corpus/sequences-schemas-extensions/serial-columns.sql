-- @version 1
CREATE TABLE posts (id serial PRIMARY KEY, title text);
CREATE TABLE tags (id int PRIMARY KEY, label text);
-- @version 2
CREATE TABLE posts (id serial PRIMARY KEY, title text, position bigserial);
CREATE TABLE tags (id int PRIMARY KEY, label text, rank smallserial);
-- @version 3
CREATE TABLE posts (id serial PRIMARY KEY, title text);
CREATE TABLE tags (id int PRIMARY KEY, label text, rank smallserial);
