-- @version 1
create table t(id int, n text);
-- @version 2
create collation ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false); create table t(id int, n text collate ci);
