-- @version 1
create extension pg_trgm version '1.5';
-- @version 2
create extension pg_trgm version '1.6';
