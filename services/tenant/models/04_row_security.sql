-- tenant: row-level security. The application sets app.tenant_id per transaction
-- (SET LOCAL app.tenant_id = '...'); without it the policies see no rows.

ALTER TABLE members ENABLE ROW LEVEL SECURITY;
ALTER TABLE locations ENABLE ROW LEVEL SECURITY;

CREATE POLICY members_tenant_isolation ON members
    USING (tenant_id = current_setting('app.tenant_id', true)::uuid)
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true)::uuid);

CREATE POLICY locations_tenant_isolation ON locations
    USING (tenant_id = current_setting('app.tenant_id', true)::uuid)
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true)::uuid);
