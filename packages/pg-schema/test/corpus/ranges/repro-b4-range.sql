-- @version 1
create table t(id int);
-- @version 2
create type floatrange as range (subtype = float8, subtype_diff = float8mi); create table t(id int, r floatrange);
