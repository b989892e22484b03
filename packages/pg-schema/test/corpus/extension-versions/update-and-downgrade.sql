-- @version 1
CREATE EXTENSION pg_trgm VERSION '1.5';
CREATE TABLE words (id int PRIMARY KEY, word text NOT NULL);
CREATE INDEX words_trgm ON words USING gin (word gin_trgm_ops);
-- @seed
INSERT INTO words VALUES (1, 'bread'), (2, 'brioche');
-- @version 2
CREATE EXTENSION pg_trgm VERSION '1.6';
CREATE TABLE words (id int PRIMARY KEY, word text NOT NULL);
CREATE INDEX words_trgm ON words USING gin (word gin_trgm_ops);
