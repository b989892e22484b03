-- @version 1
create table t(a int);
-- @version 2
create table t(a int); create rule r as on delete to t do instead nothing;
