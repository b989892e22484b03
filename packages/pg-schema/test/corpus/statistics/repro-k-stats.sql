-- @version 1
create table t(a int, b int);
-- @version 2
create table t(a int, b int); create statistics st (dependencies) on a, b from t;
