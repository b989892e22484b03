-- @expect-no-sql DROP VIEW
-- A view's options change in place (ALTER VIEW ... SET / RESET).
-- @version 1
create table t(a int); create view v as select a from t where a > 0;
-- @version 2
create table t(a int); create view v with (security_barrier=true) as select a from t where a > 0;
-- @version 3
create table t(a int); create view v with (check_option=local) as select a from t where a > 0;
