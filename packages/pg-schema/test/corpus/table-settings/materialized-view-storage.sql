-- @expect-no-sql DROP MATERIALIZED VIEW
-- A materialized view's storage parameters (its TOAST table's too) change in place.
-- @version 1
create table t(a int); create materialized view mv as select a from t;
-- @version 2
create table t(a int); create materialized view mv with (fillfactor=60) as select a from t;
-- @version 3
create table t(a int); create materialized view mv with (autovacuum_enabled=false, toast.autovacuum_enabled=false) as select a from t;
