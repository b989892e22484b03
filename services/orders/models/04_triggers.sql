-- orders: updated_at maintenance and the status history.

CREATE FUNCTION set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

-- Appends a history row when an order is created or its status changes. The acting user comes
-- from the app.user_id setting when the application sets it.
CREATE FUNCTION record_order_status_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status THEN
        INSERT INTO order_status_history (tenant_id, order_id, from_status, to_status, changed_by)
        VALUES (NEW.tenant_id,
                NEW.id,
                CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END,
                NEW.status,
                nullif(current_setting('app.user_id', true), '')::uuid);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER customers_set_updated_at BEFORE UPDATE ON customers
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TRIGGER customer_orders_set_updated_at BEFORE UPDATE ON customer_orders
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TRIGGER customer_orders_status_history AFTER INSERT OR UPDATE OF status ON customer_orders
    FOR EACH ROW EXECUTE FUNCTION record_order_status_change();
