-- @version 1
create table t(a int); create materialized view mv as select a from t;
-- @version 2
create table t(a int); create materialized view mv with (fillfactor=60) as select a from t;
