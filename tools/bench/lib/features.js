'use strict';
/**
 * Reads the three things a diff tool most often loses, straight from pg_catalog (independent of our
 * engine): identity options, comments, and enum labels in order.
 */
const pg = require('pg');

const IDENTITY = `
SELECT format('%s.%s', c.relname, a.attname) AS key,
       format('%s start %s increment %s min %s max %s cache %s cycle %s', a.attidentity, s.seqstart,
              s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle) AS value
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
  JOIN pg_depend d ON d.refobjid = c.oid AND d.refobjsubid = a.attnum AND d.deptype = 'i'
                  AND d.classid = 'pg_class'::regclass
  JOIN pg_sequence s ON s.seqrelid = d.objid
 WHERE a.attidentity <> ''`;

const COMMENTS = `
SELECT pg_describe_object(d.classoid, d.objoid, d.objsubid) AS key, d.description AS value
  FROM pg_description d
 WHERE d.objoid >= 16384`;

const ENUMS = `
SELECT t.typname AS key, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS value
  FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
  JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
 GROUP BY t.typname`;

async function readFeatures(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out = {};
    for (const [name, sql] of Object.entries({ identity: IDENTITY, comments: COMMENTS, enums: ENUMS })) {
      const { rows } = await client.query(sql);
      out[name] = new Map(rows.map((r) => [r.key, r.value]));
    }
    return out;
  } finally {
    await client.end();
  }
}

/** For each feature: the keys whose value differs between the two databases (empty: preserved). */
function compareFeatures(actual, expected) {
  const out = {};
  for (const name of Object.keys(expected)) {
    const keys = new Set([...actual[name].keys(), ...expected[name].keys()]);
    out[name] = [...keys].filter((k) => actual[name].get(k) !== expected[name].get(k)).sort();
  }
  return out;
}

module.exports = { readFeatures, compareFeatures };
