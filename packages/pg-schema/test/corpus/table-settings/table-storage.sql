-- @version 1
create table t(id int primary key);
-- @version 2
create table t(id int primary key) with (fillfactor=70, autovacuum_enabled=false);
