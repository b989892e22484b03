-- @version 1
CREATE TABLE counters (name text PRIMARY KEY, value bigint NOT NULL DEFAULT 0);
CREATE FUNCTION add_tax(amount numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT amount * 1.1 $$;
CREATE FUNCTION bump(counter text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE result bigint;
BEGIN
  UPDATE counters SET value = value + 1 WHERE name = counter RETURNING value INTO result;
  RETURN result;
END $$;
CREATE PROCEDURE reset_counters() LANGUAGE sql AS $$ UPDATE counters SET value = 0 $$;
-- @version 2
CREATE TABLE counters (name text PRIMARY KEY, value bigint NOT NULL DEFAULT 0);
CREATE FUNCTION add_tax(amount numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT round(amount * 1.2, 2) $$;
COMMENT ON FUNCTION add_tax(numeric) IS 'VAT included';
CREATE FUNCTION bump(counter text) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE result bigint;
BEGIN
  INSERT INTO counters AS c VALUES (counter, 1)
    ON CONFLICT (name) DO UPDATE SET value = c.value + 1 RETURNING value INTO result;
  RETURN result;
END $$;
CREATE PROCEDURE reset_counters() LANGUAGE sql BEGIN ATOMIC UPDATE counters SET value = 0 WHERE value > 0; END;
