-- @version 1
CREATE TABLE docs (id int PRIMARY KEY, title text, slug text UNIQUE);
CREATE INDEX docs_title ON docs (title);
-- @version 2
CREATE TABLE docs (id int PRIMARY KEY, title text, slug text UNIQUE);
CREATE INDEX docs_title ON docs (title);
COMMENT ON INDEX docs_title IS 'Search by title';
COMMENT ON INDEX docs_slug_key IS 'Not managed as an index: it backs a constraint';
COMMENT ON CONSTRAINT docs_pkey ON docs IS 'Primary key';
-- @version 3
CREATE TABLE docs (id int PRIMARY KEY, title text, slug text UNIQUE);
CREATE INDEX docs_title ON docs (lower(title));
COMMENT ON INDEX docs_title IS 'Search by lowercase title';
