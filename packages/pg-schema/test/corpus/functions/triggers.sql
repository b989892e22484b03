-- @version 1
CREATE TABLE items (id int PRIMARY KEY, name text, price numeric, updated_at timestamptz);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE FUNCTION forbid() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'forbidden'; END $$;
CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER items_no_delete BEFORE DELETE ON items FOR EACH ROW EXECUTE FUNCTION forbid();
-- @version 2
CREATE TABLE items (id int PRIMARY KEY, name text, price numeric, updated_at timestamptz);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE FUNCTION forbid() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'forbidden'; END $$;
CREATE TRIGGER items_touch BEFORE UPDATE OF name, price ON items FOR EACH ROW
  WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION touch();
CREATE TRIGGER items_no_delete BEFORE DELETE ON items FOR EACH ROW EXECUTE FUNCTION forbid();
ALTER TABLE items DISABLE TRIGGER items_no_delete;
CREATE TRIGGER items_no_truncate BEFORE TRUNCATE ON items FOR EACH STATEMENT EXECUTE FUNCTION forbid();
COMMENT ON TRIGGER items_no_truncate ON items IS 'Keep the catalogue';
-- @version 3
CREATE TABLE items (id int PRIMARY KEY, name text, price numeric, updated_at timestamptz);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE FUNCTION forbid() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'forbidden'; END $$;
CREATE TRIGGER items_touch BEFORE UPDATE OF name, price ON items FOR EACH ROW
  WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION touch();
CREATE TRIGGER items_no_delete BEFORE DELETE ON items FOR EACH ROW EXECUTE FUNCTION forbid();
ALTER TABLE items ENABLE ALWAYS TRIGGER items_no_delete;
