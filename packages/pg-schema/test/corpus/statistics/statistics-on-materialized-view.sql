-- @version 1
CREATE SCHEMA stats;
CREATE TABLE t (a int, b int);
CREATE MATERIALIZED VIEW mv AS SELECT a, b FROM t;
-- @version 2
CREATE SCHEMA stats;
CREATE TABLE t (a int, b int);
CREATE MATERIALIZED VIEW mv AS SELECT a, b FROM t;
CREATE STATISTICS stats.mv_ab (ndistinct) ON a, b FROM mv;
CREATE STATISTICS stats.t_ab ON a, b FROM t;
-- @version 3
CREATE SCHEMA stats;
CREATE TABLE t (a int, b int);
CREATE MATERIALIZED VIEW mv AS SELECT a, b, a + b AS c FROM t;
CREATE STATISTICS stats.mv_ab (ndistinct) ON a, b FROM mv;
CREATE STATISTICS stats.t_ab ON a, b FROM t;
