-- @version 1
CREATE FUNCTION current_tenant() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT current_setting('app.tenant_id')::uuid $$;
CREATE TABLE docs (id int PRIMARY KEY, tenant_id uuid NOT NULL, title text);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_tenant ON docs USING (tenant_id = current_tenant());
CREATE VIEW my_docs AS SELECT id, title FROM docs WHERE tenant_id = current_tenant();
-- @version 2
CREATE FUNCTION current_tenant(missing_ok boolean DEFAULT true) RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', missing_ok), '')::uuid $$;
CREATE TABLE docs (id int PRIMARY KEY, tenant_id uuid NOT NULL, title text);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_tenant ON docs USING (tenant_id = current_tenant());
CREATE VIEW my_docs AS SELECT id, title FROM docs WHERE tenant_id = current_tenant();
