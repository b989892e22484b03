-- @expect-no-sql DROP INDEX
-- Index storage parameters change in place (ALTER INDEX ... SET / RESET), never by a rebuild.
-- @version 1
create table t(id int, doc text); create index ti on t(id);
-- @version 2
create table t(id int, doc text); create index ti on t(id) with (fillfactor=50);
-- @version 3
create table t(id int, doc text); create index ti on t(id) with (fillfactor=70, deduplicate_items=off);
-- @version 4
create table t(id int, doc text); create index ti on t(id) with (deduplicate_items=off);
