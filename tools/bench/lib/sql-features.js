'use strict';
/**
 * What a tool's up SQL says about the three features the change set probes, read from its text:
 * useful when the SQL does not apply and the database cannot be asked.
 */
function staticFeatures(sql) {
  const s = sql.toLowerCase().replace(/"/g, '');
  const identity = /start with 1000/.test(s) && /increment by 5\b/.test(s) && /increment by 10\b/.test(s);
  const comments = (s.match(/comment on /g) || []).length;
  let enums = 'missing';
  if (/add value (if not exists )?'archived' before 'deleted'/.test(s)) enums = 'ALTER TYPE … ADD VALUE';
  else if (/create type (public\.)?status_t as enum/.test(s)) enums = 'type recreated, every column cast';
  return { identity, comments, enums };
}

module.exports = { staticFeatures };
