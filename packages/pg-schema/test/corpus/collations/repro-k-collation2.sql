-- @version 1
create table t(id int);
-- @version 2
create collation c2 (locale = 'C'); create table t(id int);
