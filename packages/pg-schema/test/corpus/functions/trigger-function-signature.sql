-- @version 1
CREATE TABLE audit_log (tbl text, op text, at timestamptz DEFAULT now());
CREATE TABLE items (id int PRIMARY KEY, name text);
CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO audit_log (tbl, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$;
CREATE TRIGGER items_audit AFTER INSERT OR UPDATE ON items FOR EACH ROW EXECUTE FUNCTION audit();
-- @version 2
CREATE TABLE audit_log (tbl text, op text, at timestamptz DEFAULT now());
CREATE TABLE items (id int PRIMARY KEY, name text);
CREATE SCHEMA audit;
CREATE FUNCTION audit.record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO public.audit_log (tbl, op) VALUES (TG_TABLE_NAME, TG_OP || TG_ARGV[0]); RETURN NULL; END $$;
CREATE TRIGGER items_audit AFTER INSERT OR UPDATE OR DELETE ON items FOR EACH ROW EXECUTE FUNCTION audit.record('!');
