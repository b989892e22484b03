-- @expect-no-changes
-- @version 1
CREATE EXTENSION pg_trgm;
-- @version 2
CREATE EXTENSION pg_trgm VERSION '1.6';
