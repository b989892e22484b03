/**
 * A relation's storage parameters, then its TOAST table's (prefixed `toast.`, as ALTER TABLE ...
 * SET takes them), in the order the server keeps them (pg_dump prints that order; comparison
 * sorts them), or NULL: the `reloptions` of `alias`, a pg_class row.
 */
export const RELOPTIONS = (alias: string) =>
  `(SELECT array_agg(o ORDER BY k, n) FROM (
      SELECT 0 AS k, u.o, u.n FROM unnest(${alias}.reloptions) WITH ORDINALITY AS u(o, n)
      UNION ALL
      SELECT 1, 'toast.' || u.o, u.n FROM pg_class tc, unnest(tc.reloptions) WITH ORDINALITY AS u(o, n)
       WHERE tc.oid = ${alias}.reltoastrelid) ro)`;
