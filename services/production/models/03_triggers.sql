-- production: keep updated_at current on every UPDATE.

CREATE FUNCTION set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER production_equipment_set_updated_at BEFORE UPDATE ON production_equipment
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TRIGGER production_plans_set_updated_at BEFORE UPDATE ON production_plans
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TRIGGER production_batches_set_updated_at BEFORE UPDATE ON production_batches
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
