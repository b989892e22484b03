-- @version 1
CREATE FUNCTION greet(who text) RETURNS text LANGUAGE sql AS $$ SELECT 'hello ' || who $$;
CREATE FUNCTION total(a int, b int) RETURNS int LANGUAGE sql AS $$ SELECT a + b $$;
CREATE FUNCTION pair() RETURNS TABLE (x int, y int) LANGUAGE sql AS $$ SELECT 1, 2 $$;
CREATE PROCEDURE log_it(msg text) LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '%', msg; END $$;
-- @version 2
CREATE FUNCTION greet(who text, greeting text DEFAULT 'hello') RETURNS text LANGUAGE sql AS $$ SELECT greeting || ' ' || who $$;
CREATE FUNCTION total(a int, b int) RETURNS bigint LANGUAGE sql AS $$ SELECT a::bigint + b $$;
CREATE FUNCTION pair() RETURNS TABLE (x int, y int, z int) LANGUAGE sql AS $$ SELECT 1, 2, 3 $$;
CREATE PROCEDURE log_it(msg text, level int DEFAULT 0) LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '% %', level, msg; END $$;
