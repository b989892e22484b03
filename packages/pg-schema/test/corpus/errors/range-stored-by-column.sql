-- @expect-error Range type public.floatrange changes (subtype = double precision, subtype_diff = float8mi -> subtype = double precision) while column public.t.r uses it
-- @version 1
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TABLE t (id int, r floatrange);
-- @version 2
CREATE TYPE floatrange AS RANGE (subtype = float8);
CREATE TABLE t (id int, r floatrange);
