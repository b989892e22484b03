-- REPLICA IDENTITY: FULL, NOTHING, USING INDEX (set after the index exists; moved off an index
-- before it is dropped; set again on an index created again).
-- @version 1
create table t(id int primary key, code text not null);
-- @version 2
create table t(id int primary key, code text not null); alter table t replica identity full;
-- @version 3
create table t(id int primary key, code text not null); create unique index t_code on t (code); alter table t replica identity using index t_code;
-- @version 4
create table t(id int primary key, code text not null); alter table t replica identity using index t_pkey;
create table u(id int not null, v text); create unique index u_id on u (id); alter table u replica identity using index u_id;
-- @version 5
create table t(id bigint primary key, code text not null); alter table t replica identity using index t_pkey;
create table u(id int not null, v text); create unique index u_id on u (id) include (v); alter table u replica identity using index u_id;
-- @version 6
create table t(id bigint primary key, code text not null); alter table t replica identity nothing;
create table u(id int not null, v text);
