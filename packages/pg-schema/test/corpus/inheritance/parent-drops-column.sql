-- @version 1
create table p(id int, a int); create table c(b int) inherits (p);
-- @version 2
create table p(id int); create table c(b int) inherits (p);
