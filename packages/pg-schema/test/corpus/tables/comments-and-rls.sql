-- @version 1
CREATE TABLE docs (id int PRIMARY KEY, tenant_id uuid NOT NULL, body text);
-- @version 2
CREATE TABLE docs (id int PRIMARY KEY, tenant_id uuid NOT NULL, body text);
COMMENT ON TABLE docs IS 'Documents';
COMMENT ON COLUMN docs.body IS 'Markdown';
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE docs FORCE ROW LEVEL SECURITY;
CREATE POLICY docs_tenant ON docs USING (tenant_id = current_setting('app.tenant_id', true)::uuid);
CREATE POLICY docs_insert ON docs AS RESTRICTIVE FOR INSERT WITH CHECK (tenant_id IS NOT NULL);
-- @version 3
CREATE TABLE docs (id int PRIMARY KEY, tenant_id uuid NOT NULL, body text);
COMMENT ON TABLE docs IS 'Documents of a tenant';
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_tenant ON docs FOR SELECT USING (tenant_id = current_setting('app.tenant_id', true)::uuid);
