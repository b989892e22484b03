-- @version 1
create table t(a int primary key);
-- @version 2
create table t(a int primary key); alter table t cluster on t_pkey;
