-- @version 1
CREATE TABLE sales (id int PRIMARY KEY, amount int, price float8);
-- @version 2
CREATE TABLE sales (id int PRIMARY KEY, amount int, price float8);
CREATE AGGREGATE total(int) (sfunc = int4pl, stype = int, initcond = '0');
COMMENT ON AGGREGATE total(int) IS 'Sum from zero';
CREATE AGGREGATE pct(float8 ORDER BY float8) (sfunc = ordered_set_transition, stype = internal, finalfunc = percentile_disc_final, finalfunc_extra);
CREATE AGGREGATE hypo_rank(VARIADIC "any" ORDER BY VARIADIC "any") (sfunc = ordered_set_transition_multi, stype = internal, finalfunc = rank_final, finalfunc_extra, hypothetical);
CREATE AGGREGATE tally(*) (sfunc = int8inc, stype = int8, initcond = '0', parallel = safe, combinefunc = int8pl);
CREATE AGGREGATE biggest(int) (sfunc = int4larger, stype = int, sortop = >);
CREATE AGGREGATE moving_avg(float8) (sfunc = float8_accum, stype = float8[], finalfunc = float8_avg, initcond = '{0,0,0}',
  msfunc = float8_accum, minvfunc = float8_accum, mstype = float8[], mfinalfunc = float8_avg, minitcond = '{0,0,0}');
CREATE VIEW sales_total AS SELECT total(amount) AS total, tally(*) AS n FROM sales;
-- @version 3
CREATE TABLE sales (id int PRIMARY KEY, amount int, price float8);
CREATE AGGREGATE total(int) (sfunc = int4pl, stype = int, initcond = '100');
CREATE AGGREGATE tally(*) (sfunc = int8inc, stype = int8, initcond = '0');
CREATE VIEW sales_total AS SELECT total(amount) AS total, tally(*) AS n FROM sales;
