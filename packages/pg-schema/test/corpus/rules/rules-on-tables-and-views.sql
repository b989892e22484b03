-- @version 1
CREATE TABLE t (a int, b int);
-- @seed
INSERT INTO t VALUES (1, 2), (3, 4);
-- @version 2
CREATE TABLE t (a int, b int);
CREATE RULE keep_rows AS ON DELETE TO t DO INSTEAD NOTHING;
CREATE VIEW v AS SELECT a, b FROM t;
CREATE RULE v_insert AS ON INSERT TO v DO INSTEAD INSERT INTO t (a, b) VALUES (new.a, new.b);
-- @seed
INSERT INTO t VALUES (1, 2), (3, 4);
-- @version 3
CREATE TABLE t (a int, b int);
CREATE TABLE t_log (a int);
CREATE RULE keep_rows AS ON DELETE TO t WHERE old.a > 0 DO INSTEAD NOTHING;
ALTER TABLE t DISABLE RULE keep_rows;
COMMENT ON RULE keep_rows ON t IS 'deletes are ignored';
CREATE RULE log_update AS ON UPDATE TO t DO ALSO INSERT INTO t_log VALUES (new.a);
CREATE VIEW v AS SELECT a, b, a + b AS total FROM t;
CREATE RULE v_insert AS ON INSERT TO v DO INSTEAD INSERT INTO t (a, b) VALUES (new.a, new.b);
-- @seed
INSERT INTO t VALUES (1, 2), (3, 4);
-- @version 4
CREATE TABLE t (a bigint, b int);
CREATE TABLE t_log (a int);
CREATE RULE keep_rows AS ON DELETE TO t WHERE old.a > 0 DO INSTEAD NOTHING;
ALTER TABLE t DISABLE RULE keep_rows;
CREATE RULE log_update AS ON UPDATE TO t DO ALSO INSERT INTO t_log VALUES (new.a);
