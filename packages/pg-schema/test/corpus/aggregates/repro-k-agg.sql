-- @version 1
create table t(a int);
-- @version 2
create table t(a int); create aggregate mysum(int) (sfunc = int4pl, stype = int, initcond = '0');
