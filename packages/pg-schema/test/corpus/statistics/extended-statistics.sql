-- @version 1
CREATE TABLE t (a int, b int, c text);
-- @version 2
CREATE TABLE t (a int, b int, c text);
CREATE STATISTICS st (dependencies) ON a, b FROM t;
-- @seed
INSERT INTO t VALUES (1, 2, 'x'), (3, 4, 'y');
-- @version 3
CREATE TABLE t (a int, b int, c text);
CREATE STATISTICS st (ndistinct, dependencies, mcv) ON a, b FROM t;
CREATE STATISTICS st_expr ON (a + b), c FROM t;
ALTER STATISTICS st_expr SET STATISTICS 500;
COMMENT ON STATISTICS st IS 'a and b move together';
-- @seed
INSERT INTO t VALUES (1, 2, 'x'), (3, 4, 'y');
-- @version 4
CREATE TABLE t (a bigint, b int);
CREATE STATISTICS st (ndistinct, dependencies, mcv) ON a, b FROM t;
COMMENT ON STATISTICS st IS 'a and b move together';
-- @version 5
CREATE TABLE t (a bigint, b int);
