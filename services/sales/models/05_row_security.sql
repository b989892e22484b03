-- sales: row-level security. The application sets app.tenant_id per transaction
-- (SET LOCAL app.tenant_id = '...'); without it the policies see no rows.

ALTER TABLE sales ENABLE ROW LEVEL SECURITY;
ALTER TABLE sale_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE refunds ENABLE ROW LEVEL SECURITY;

CREATE POLICY sales_tenant_isolation ON sales
    USING (tenant_id = current_setting('app.tenant_id', true)::uuid);

CREATE POLICY sale_lines_tenant_isolation ON sale_lines
    USING (tenant_id = current_setting('app.tenant_id', true)::uuid);

-- Refunds may be read by the tenant but only created by its managers' sessions.
CREATE POLICY refunds_tenant_read ON refunds
    FOR SELECT
    USING (tenant_id = current_setting('app.tenant_id', true)::uuid);

CREATE POLICY refunds_tenant_insert ON refunds
    FOR INSERT
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true)::uuid
                AND current_setting('app.role', true) IN ('owner', 'manager'));
