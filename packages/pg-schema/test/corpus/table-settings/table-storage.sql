-- Table storage parameters and its TOAST table's: WITH (...) on CREATE, SET / RESET after.
-- @version 1
create table t(id int primary key, doc text);
-- @version 2
create table t(id int primary key, doc text) with (fillfactor=70, autovacuum_enabled=false);
-- @version 3
create table t(id int primary key, doc text) with (fillfactor=80, toast.autovacuum_enabled=false, toast_tuple_target=256);
create table n(id int) with (autovacuum_vacuum_scale_factor=0.05, toast.autovacuum_enabled=false);
-- @version 4
create table t(id int primary key, doc text);
create unlogged table n(id int) with (autovacuum_vacuum_scale_factor=0.05);
