-- SET STORAGE, SET STATISTICS and SET COMPRESSION; a retype resets storage and compression to
-- the new type's defaults (they are set again), a new table gets them after its CREATE.
-- @version 1
create table t(id int, b text, c varchar(20));
-- @version 2
create table t(id int, b text, c varchar(20)); alter table t alter column b set storage external; alter table t alter column id set statistics 500;
alter table t alter column c set storage main, alter column c set compression pglz;
create table n(doc text); alter table n alter column doc set storage main, alter column doc set statistics 20, alter column doc set compression pglz;
-- @version 3
create table t(id int, b varchar(40), c text); alter table t alter column b set storage external; alter table t alter column id set statistics 50;
alter table t alter column c set compression pglz;
create table n(doc text);
