/**
 * The comment of one object, as `obj_description(oid, 'catalog')` reads it, but as an index
 * lookup the planner inlines (obj_description is an SQL function run once per row, ~4 µs each).
 * A join with pg_description instead is planned from statistics that a freshly built shadow
 * database does not have yet (a nested loop over every comment per column was seen).
 */
export function commentSql(oid: string, catalog: string, subid = '0'): string {
  return `(SELECT comment_row.description FROM pg_description comment_row WHERE comment_row.objoid = ${oid} AND comment_row.classoid = '${catalog}'::regclass AND comment_row.objsubid = ${subid})`;
}
