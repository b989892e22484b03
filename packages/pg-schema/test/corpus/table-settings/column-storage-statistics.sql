-- @version 1
create table t(id int, b text);
-- @version 2
create table t(id int, b text); alter table t alter column b set storage external; alter table t alter column id set statistics 500;
