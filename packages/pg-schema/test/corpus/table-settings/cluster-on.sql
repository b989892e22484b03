-- CLUSTER ON marks an index after it exists; a new mark replaces the old one; a dropped index
-- takes its mark along, and an index created again is marked again.
-- @version 1
create table t(a int primary key, b int);
create index t_b on t (b);
-- @version 2
create table t(a int primary key, b int); alter table t cluster on t_pkey;
create index t_b on t (b);
-- @version 3
create table t(a int primary key, b int);
create index t_b on t (b desc); alter table t cluster on t_b;
-- @version 4
create table t(a int primary key, b int);
create index t_b on t (b);
create table u(id int not null); create unique index u_id on u (id); alter table u cluster on u_id;
-- @version 5
create table t(a int primary key, b int);
create table u(id int not null);
