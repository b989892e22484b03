-- @version 1
CREATE TABLE t (a int);
-- @version 2
CREATE TABLE t (a int);
CREATE FUNCTION add_positive(acc int, x int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT acc + greatest(x, 0) $$;
CREATE FUNCTION halve(acc int) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT acc / 2.0 $$;
CREATE AGGREGATE positive_half(int) (sfunc = add_positive, stype = int, finalfunc = halve, initcond = '0');
-- @version 3
CREATE TABLE t (a int);
CREATE FUNCTION add_positive(acc bigint, x int) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT acc + greatest(x, 0) $$;
CREATE FUNCTION halve(acc bigint) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT acc / 2.0 $$;
CREATE AGGREGATE positive_half(int) (sfunc = add_positive, stype = bigint, finalfunc = halve, initcond = '0');
