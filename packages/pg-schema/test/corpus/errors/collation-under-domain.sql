-- @expect-error Collation public.ci changes (provider = icu, locale = 'und-u-ks-level2', deterministic = false -> provider = icu, locale = 'und-u-ks-level1', deterministic = false) while type public.code uses it
-- @version 1
CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE DOMAIN code AS text COLLATE ci;
-- @version 2
CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level1', deterministic = false);
CREATE DOMAIN code AS text COLLATE ci;
