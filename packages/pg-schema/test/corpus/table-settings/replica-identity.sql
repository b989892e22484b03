-- @version 1
create table t(id int primary key);
-- @version 2
create table t(id int primary key); alter table t replica identity full;
