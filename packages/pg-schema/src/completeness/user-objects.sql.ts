import { inSchemas, SYSTEM_SCHEMA } from '../introspect/filter.js';

/**
 * The catalog queries of the completeness check. They list Postgres' object classes (every
 * system catalog whose rows are objects of a database), never the engine's kinds: which of these
 * objects the Catalog holds is decided by the kinds' `addresses` (see classify.ts).
 *
 * Parameters as every catalog query: $1 the schemas to read (NULL: every non-system schema), $2
 * the tables to leave out (`schema.name`).
 */

/** The pg_identify_object_as_address type of a pg_class row, by relkind (`c` the relation). */
const RELATION_TYPE = `CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'i' THEN 'index' WHEN 'I' THEN 'index'
  WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'c' THEN 'composite type'
  WHEN 'f' THEN 'foreign table' END`;

/**
 * One row per object of each class: its class and oid, its schema (NULL for objects that are not
 * in a schema) and, for the classes a database holds thousands of, its address spelled as
 * pg_identify_object_as_address spells it (a join is much cheaper than the function per row;
 * user-objects.spec.ts holds the two spellings equal). NULL type: the function names it.
 */
const OBJECT_CLASSES = `
  SELECT 'pg_class'::regclass AS classid, c.oid AS objid, c.relnamespace AS nsp,
         ${RELATION_TYPE} AS type, ARRAY[n.nspname::text, c.relname::text] AS names, '{}'::text[] AS args
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.oid >= 16384 AND c.relkind <> 't'
  UNION ALL
  -- Table constraints (inherited copies are part of the parent's; PG18's NOT NULL rows are the
  -- column's nullability); the constraint row of a CONSTRAINT TRIGGER stands for the trigger,
  -- which is its internal part. Domain constraints are named by the function.
  SELECT 'pg_constraint'::regclass, o.oid, o.connamespace,
         CASE WHEN o.conrelid = 0 THEN NULL WHEN o.contype = 't' THEN 'trigger' ELSE 'table constraint' END,
         CASE WHEN o.conrelid <> 0 THEN ARRAY[n.nspname::text, c.relname::text, o.conname::text] END,
         CASE WHEN o.conrelid <> 0 THEN '{}'::text[] END
    FROM pg_constraint o LEFT JOIN pg_class c ON c.oid = o.conrelid LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE o.oid >= 16384 AND o.contype <> 'n' AND o.conislocal
  UNION ALL
  SELECT 'pg_attrdef'::regclass, o.oid, c.relnamespace,
         'default value', ARRAY[n.nspname::text, c.relname::text, a.attname::text], '{}'::text[]
    FROM pg_attrdef o JOIN pg_class c ON c.oid = o.adrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    -- One index lookup per default (OFFSET 0): joined, it was planned as a hash over all of pg_attribute.
    JOIN LATERAL (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = o.adrelid AND a.attnum = o.adnum OFFSET 0) a ON true
   WHERE o.oid >= 16384
  UNION ALL
  -- Internal triggers (behind foreign keys) are parts of their constraint.
  SELECT 'pg_trigger'::regclass, o.oid, c.relnamespace,
         'trigger', ARRAY[n.nspname::text, c.relname::text, o.tgname::text], '{}'::text[]
    FROM pg_trigger o JOIN pg_class c ON c.oid = o.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE o.oid >= 16384 AND NOT o.tgisinternal
  UNION ALL
  SELECT 'pg_rewrite'::regclass, o.oid, c.relnamespace,
         'rule', ARRAY[n.nspname::text, c.relname::text, o.rulename::text], '{}'::text[]
    FROM pg_rewrite o JOIN pg_class c ON c.oid = o.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE o.oid >= 16384
  UNION ALL
  SELECT 'pg_policy'::regclass, o.oid, c.relnamespace,
         'policy', ARRAY[n.nspname::text, c.relname::text, o.polname::text], '{}'::text[]
    FROM pg_policy o JOIN pg_class c ON c.oid = o.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE o.oid >= 16384
  UNION ALL
  -- Schemas count as objects in no schema: one the models create outside the managed ones is
  -- reported too (its objects are not read). Temporary schemas are not the models'.
  SELECT 'pg_namespace'::regclass, o.oid, NULL, 'schema', ARRAY[o.nspname::text], '{}'::text[] FROM pg_namespace o
   WHERE o.oid >= 16384 AND o.nspname NOT LIKE 'pg\\_%' AND o.nspname <> 'information_schema'
  UNION ALL
  SELECT 'pg_extension'::regclass, o.oid, o.extnamespace, 'extension', ARRAY[o.extname::text], '{}'::text[] FROM pg_extension o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_type'::regclass, o.oid, o.typnamespace, NULL, NULL, NULL FROM pg_type o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_proc'::regclass, o.oid, o.pronamespace, NULL, NULL, NULL FROM pg_proc o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_operator'::regclass, o.oid, o.oprnamespace, NULL, NULL, NULL FROM pg_operator o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_opclass'::regclass, o.oid, o.opcnamespace, NULL, NULL, NULL FROM pg_opclass o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_opfamily'::regclass, o.oid, o.opfnamespace, NULL, NULL, NULL FROM pg_opfamily o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_amop'::regclass, o.oid, f.opfnamespace, NULL, NULL, NULL
              FROM pg_amop o JOIN pg_opfamily f ON f.oid = o.amopfamily WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_amproc'::regclass, o.oid, f.opfnamespace, NULL, NULL, NULL
              FROM pg_amproc o JOIN pg_opfamily f ON f.oid = o.amprocfamily WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_conversion'::regclass, o.oid, o.connamespace, NULL, NULL, NULL FROM pg_conversion o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_collation'::regclass, o.oid, o.collnamespace, NULL, NULL, NULL FROM pg_collation o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_statistic_ext'::regclass, o.oid, o.stxnamespace, NULL, NULL, NULL FROM pg_statistic_ext o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_ts_config'::regclass, o.oid, o.cfgnamespace, NULL, NULL, NULL FROM pg_ts_config o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_ts_dict'::regclass, o.oid, o.dictnamespace, NULL, NULL, NULL FROM pg_ts_dict o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_ts_parser'::regclass, o.oid, o.prsnamespace, NULL, NULL, NULL FROM pg_ts_parser o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_ts_template'::regclass, o.oid, o.tmplnamespace, NULL, NULL, NULL FROM pg_ts_template o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_default_acl'::regclass, o.oid, NULLIF(o.defaclnamespace, 0), NULL, NULL, NULL FROM pg_default_acl o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_publication_rel'::regclass, o.oid, c.relnamespace, NULL, NULL, NULL
              FROM pg_publication_rel o JOIN pg_class c ON c.oid = o.prrelid WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_publication_namespace'::regclass, o.oid, o.pnnspid, NULL, NULL, NULL FROM pg_publication_namespace o WHERE o.oid >= 16384
  -- Not in a schema: in scope when they use something of the managed schemas, or nothing of another one.
  UNION ALL SELECT 'pg_cast'::regclass, o.oid, NULL, NULL, NULL, NULL FROM pg_cast o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_transform'::regclass, o.oid, NULL, NULL, NULL, NULL FROM pg_transform o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_am'::regclass, o.oid, NULL, NULL, NULL, NULL FROM pg_am o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_language'::regclass, o.oid, NULL, NULL, NULL, NULL FROM pg_language o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_event_trigger'::regclass, o.oid, NULL, NULL, NULL, NULL FROM pg_event_trigger o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_foreign_data_wrapper'::regclass, o.oid, NULL, NULL, NULL, NULL FROM pg_foreign_data_wrapper o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_foreign_server'::regclass, o.oid, NULL, NULL, NULL, NULL FROM pg_foreign_server o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_user_mapping'::regclass, o.umid, NULL, NULL, NULL, NULL FROM pg_user_mappings o WHERE o.umid >= 16384
  UNION ALL SELECT 'pg_publication'::regclass, o.oid, NULL, NULL, NULL, NULL FROM pg_publication o WHERE o.oid >= 16384
  UNION ALL SELECT 'pg_subscription'::regclass, o.oid, NULL, NULL, NULL, NULL FROM pg_subscription o
             WHERE o.oid >= 16384 AND o.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())`;

/** One number per object (class and oid), so the left-out set is a hashed lookup, never a loop per object. */
const KEY = (classid: string, objid: string) => `(${classid}::oid::int8 << 32 | ${objid}::oid::int8)`;

/** A schema name of user objects outside the managed schemas. */
const OTHER_USER_SCHEMA = (schema: string) =>
  `(${schema} NOT IN ${SYSTEM_SCHEMA} AND ${schema} NOT LIKE 'pg\\_%' AND NOT (${schema} = ANY($1::text[])))`;

/**
 * User objects (oid >= FirstNormalObjectId) in the managed schemas, except extension members,
 * the parts Postgres creates along with another object (deptype 'i': a table's row type, array
 * types, a constraint's index, a view's _RETURN rule, an identity's sequence, a range's
 * constructors and multirange; 'P': the copies on partitions), and what belongs ('a') to an
 * ignored table or an extension member (indexes, constraints, triggers, defaults, serial
 * sequences; an operator family's members). Those sets are read once (hashed), never per object.
 */
export const USER_OBJECTS_SQL = `
WITH objects AS MATERIALIZED (${OBJECT_CLASSES}),
left_out_roots AS MATERIALIZED (
  SELECT 'pg_class'::regclass::oid AS classid, c.oid AS objid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE (n.nspname || '.' || c.relname) = ANY($2::text[])
  UNION
  SELECT e.classid, e.objid FROM pg_depend e WHERE e.deptype = 'e'
),
left_out AS MATERIALIZED (
  SELECT ${KEY('d.classid', 'd.objid')} AS key FROM pg_depend d WHERE d.objid >= 16384 AND d.deptype IN ('i', 'P')
  UNION
  SELECT ${KEY('r.classid', 'r.objid')} FROM left_out_roots r
  UNION
  SELECT ${KEY('d.classid', 'd.objid')} FROM pg_depend d JOIN left_out_roots r ON r.classid = d.refclassid AND r.objid = d.refobjid
   WHERE d.deptype = 'a'
),
candidates AS (
  SELECT o.* FROM objects o
    LEFT JOIN pg_namespace n ON n.oid = o.nsp
   WHERE ${KEY('o.classid', 'o.objid')} NOT IN (SELECT key FROM left_out)
     AND (o.nsp IS NULL OR ${inSchemas('n.nspname')})
     AND (o.nsp IS NOT NULL OR $1::text[] IS NULL
          OR NOT EXISTS (SELECT 1 FROM pg_depend d, LATERAL pg_identify_object(d.refclassid, d.refobjid, 0) r
                          WHERE d.classid = o.classid AND d.objid = o.objid AND d.deptype = 'n' AND ${OTHER_USER_SCHEMA('r.schema')})
          OR EXISTS (SELECT 1 FROM pg_depend d, LATERAL pg_identify_object(d.refclassid, d.refobjid, 0) r
                      WHERE d.classid = o.classid AND d.objid = o.objid AND d.deptype = 'n' AND r.schema = ANY($1::text[])))
)
SELECT o.classid::oid AS classid, o.objid, o.type, o.names, o.args FROM candidates o WHERE o.type IS NOT NULL
UNION ALL
SELECT o.classid::oid, o.objid, a.type, a.object_names, a.object_args
  FROM candidates o, LATERAL pg_identify_object_as_address(o.classid, o.objid, 0) a WHERE o.type IS NULL`;

/** Non-default ACLs: a NULL ACL is the default, and so is one equal to acldefault() (granted, then revoked). */
const ACLS = `
  SELECT 'pg_class'::regclass AS classid, c.oid AS objid, 0 AS subid, c.relacl::text AS detail FROM pg_class c
   WHERE c.oid >= 16384 AND c.relacl IS NOT NULL AND c.relacl <> acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner)
  UNION ALL SELECT 'pg_class'::regclass, a.attrelid, a.attnum, a.attacl::text FROM pg_attribute a
   WHERE a.attrelid >= 16384 AND a.attnum > 0 AND NOT a.attisdropped AND cardinality(a.attacl) > 0
  UNION ALL SELECT 'pg_proc'::regclass, p.oid, 0, p.proacl::text FROM pg_proc p
   WHERE p.oid >= 16384 AND p.proacl <> acldefault('f', p.proowner)
  UNION ALL SELECT 'pg_type'::regclass, t.oid, 0, t.typacl::text FROM pg_type t
   WHERE t.oid >= 16384 AND t.typacl <> acldefault('T', t.typowner)
  UNION ALL SELECT 'pg_namespace'::regclass, n.oid, 0, n.nspacl::text FROM pg_namespace n
   WHERE n.oid >= 16384 AND n.nspacl <> acldefault('n', n.nspowner)
  UNION ALL SELECT 'pg_language'::regclass, l.oid, 0, l.lanacl::text FROM pg_language l
   WHERE l.oid >= 16384 AND l.lanacl <> acldefault('l', l.lanowner)
  UNION ALL SELECT 'pg_foreign_data_wrapper'::regclass, w.oid, 0, w.fdwacl::text FROM pg_foreign_data_wrapper w
   WHERE w.oid >= 16384 AND w.fdwacl <> acldefault('F', w.fdwowner)
  UNION ALL SELECT 'pg_foreign_server'::regclass, s.oid, 0, s.srvacl::text FROM pg_foreign_server s
   WHERE s.oid >= 16384 AND s.srvacl <> acldefault('S', s.srvowner)`;

/**
 * Comments, ACLs and security labels on user objects, each with the address of what it is on and,
 * when that is a part Postgres created along with another object (deptype 'i', 'P'), the key and
 * address of that owner. An extension's own comment (from its control file) is not the models'.
 * Columns (subid > 0) of relations are named in SQL, other objects by the function.
 */
export const ANNOTATIONS_SQL = `
WITH annotations AS (
  SELECT 'comment' AS part, d.classoid AS classid, d.objoid AS objid, d.objsubid AS subid, d.description AS detail
    FROM pg_description d
   WHERE d.objoid >= 16384
     AND NOT (d.classoid = 'pg_extension'::regclass AND d.description IS NOT DISTINCT FROM
              (SELECT a.comment FROM pg_extension e JOIN pg_available_extensions a ON a.name = e.extname WHERE e.oid = d.objoid))
  UNION ALL
  SELECT 'comment', s.classoid, s.objoid, 0, s.description FROM pg_shdescription s
   WHERE s.classoid = 'pg_subscription'::regclass
     AND s.objoid IN (SELECT oid FROM pg_subscription WHERE subdbid = (SELECT oid FROM pg_database WHERE datname = current_database()))
  UNION ALL
  SELECT 'security label', l.classoid, l.objoid, l.objsubid, l.provider || ': ' || l.label FROM pg_seclabel l WHERE l.objoid >= 16384
  UNION ALL
  SELECT 'privileges', x.classid, x.objid, x.subid, x.detail FROM (${ACLS}) x
)
SELECT x.part, x.classid::oid AS classid, x.objid, x.subid, x.detail,
       COALESCE(col.type, a.type) AS type, COALESCE(col.names, a.object_names) AS names,
       COALESCE(col.args, a.object_args) AS args,
       owner.classid AS owner_classid, owner.objid AS owner_objid,
       oa.type AS owner_type, oa.object_names AS owner_names, oa.object_args AS owner_args
  FROM annotations x
  LEFT JOIN LATERAL (
    SELECT ${RELATION_TYPE} || ' column' AS type, ARRAY[n.nspname::text, c.relname::text, at.attname::text] AS names, '{}'::text[] AS args
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute at ON at.attrelid = c.oid AND at.attnum = x.subid
     WHERE x.classid = 'pg_class'::regclass AND x.subid > 0 AND c.oid = x.objid) col ON true
  -- OFFSET 0 keeps each subquery whole, so its WHERE gates the call (a filter after the call otherwise).
  LEFT JOIN LATERAL (SELECT * FROM pg_identify_object_as_address(x.classid, x.objid, x.subid) WHERE col.type IS NULL OFFSET 0) a ON true
  LEFT JOIN LATERAL (
    SELECT d.refclassid::oid AS classid, d.refobjid AS objid, d.refobjsubid AS subid FROM pg_depend d
     WHERE d.classid = x.classid AND d.objid = x.objid AND d.objsubid = 0 AND d.deptype IN ('i', 'P')
     ORDER BY d.deptype LIMIT 1) owner ON true
  LEFT JOIN LATERAL (SELECT * FROM pg_identify_object_as_address(owner.classid, owner.objid, owner.subid)
                      WHERE owner.classid IS NOT NULL OFFSET 0) oa ON true`;

/** What each reported object belongs to ('a' links, as `classid:objid`): its parts are not named again. */
export const OWNERS_SQL = `
SELECT u.classid, u.objid,
       ARRAY(SELECT d.refclassid::oid::text || ':' || d.refobjid FROM pg_depend d
              WHERE d.classid = u.classid AND d.objid = u.objid AND d.deptype = 'a') AS owners
  FROM unnest($1::oid[], $2::oid[]) AS u(classid, objid)`;
