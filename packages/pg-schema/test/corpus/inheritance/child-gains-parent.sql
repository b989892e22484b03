-- @skip-pg-dump INHERIT merges the child's own column id with the parent's (pg_dump lists it in c); the models' c does not declare it
-- @version 1
create table p(id int); create table c(b int);
-- @version 2
create table p(id int); create table c(b int) inherits (p);
