-- @version 1
create table t(id int); create index ti on t(id);
-- @version 2
create table t(id int); create index ti on t(id) with (fillfactor=50);
