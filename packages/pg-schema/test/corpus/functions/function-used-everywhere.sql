-- @version 1
CREATE FUNCTION normalize_code(code text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT upper(trim(code)) $$;
CREATE FUNCTION new_code() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE TABLE items (
  id int PRIMARY KEY,
  code text NOT NULL DEFAULT new_code() CHECK (normalize_code(code) <> ''),
  updated_at timestamptz
);
CREATE UNIQUE INDEX items_code ON items (normalize_code(code));
CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch();
-- @version 2
CREATE FUNCTION normalize_code(code text, keep_case boolean DEFAULT false) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN keep_case THEN trim(code) ELSE upper(trim(code)) END $$;
CREATE FUNCTION new_code(len int DEFAULT 8) RETURNS text LANGUAGE sql AS $$ SELECT left(md5(random()::text), len) $$;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := clock_timestamp(); RETURN NEW; END $$;
CREATE TABLE items (
  id int PRIMARY KEY,
  code text NOT NULL DEFAULT new_code() CHECK (normalize_code(code) <> ''),
  updated_at timestamptz
);
CREATE UNIQUE INDEX items_code ON items (normalize_code(code));
CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch();
