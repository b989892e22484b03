-- Issue 12 bug 1: a serial table replaced by a new table that takes over its primary key name and
-- its sequence (OWNED BY moves). The old table's drop must release old_t_pkey before the new
-- table takes it, and must not take the kept sequence along: in both directions.
-- @version 1
create table old_t(id serial constraint old_t_pkey primary key);
-- @version 2
create sequence old_t_id_seq as integer;
create table new_t(id int not null default nextval('old_t_id_seq') constraint old_t_pkey primary key);
alter sequence old_t_id_seq owned by new_t.id;
