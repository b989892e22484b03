-- @version 1
CREATE TABLE t (a int);
-- @version 2
CREATE TABLE t (a int);
CREATE FUNCTION my_rank() RETURNS bigint WINDOW LANGUAGE internal AS 'window_rank';
COMMENT ON FUNCTION my_rank() IS 'rank, by another name';
CREATE VIEW ranked AS SELECT a, my_rank() OVER (ORDER BY a) FROM t;
