import type { Catalog } from '../../catalog/catalog.js';
import { ids } from '../../catalog/object-id.js';
import { sameJson, type DiffContext } from '../../diff/context.js';
import { RANK, statement } from '../../plan/statement.js';
import { quoteIdent } from '../../render/sql-text.js';
import type { ReplicaIdentity, TableInfo } from './table.model.js';
import { alterTableSql } from './table.sql.js';

/**
 * Table settings that name one of its indexes: REPLICA IDENTITY (USING INDEX) and CLUSTER ON.
 * They run after the whole diff and its cascade, since a setting must be made again when its
 * index is dropped and created again for any reason: set after the index exists, and a setting
 * that leaves an index is changed before the index is dropped.
 */
export function alterIndexSettings(ctx: DiffContext): void {
  for (const [id, d] of Object.entries(ctx.desired.tables)) {
    const c = ctx.current.tables[id];
    alterReplicaIdentity(ctx, id, c, d);
    alterClusterOn(ctx, id, c, d);
  }
}

/** The id of a table's index by name: an index of its own, or the one behind a key constraint. */
export function indexIdOf(catalog: Catalog, table: TableInfo, name: string): string | undefined {
  const index = ids.index(table.schema, name);
  if (catalog.indexes[index]?.table === ids.table(table.schema, table.name)) return index;
  if (table.constraints[name]) return ids.constraint(table.schema, table.name, name);
  return undefined;
}

function alterReplicaIdentity(ctx: DiffContext, id: string, c: TableInfo | undefined, d: TableInfo): void {
  const [before, after] = [c?.replicaIdentity, d.replicaIdentity];
  const beforeIndex = c && typeof before === 'object' ? indexIdOf(ctx.current, c, before.index) : undefined;
  const afterIndex = typeof after === 'object' ? indexIdOf(ctx.desired, d, after.index) : undefined;
  const same = sameJson(before, after);
  // An index dropped and created again has lost the setting.
  if (same && !(afterIndex && ctx.gone.has(afterIndex))) return;
  ctx.statements.push(
    statement(
      alterTableSql(d, `REPLICA IDENTITY ${replicaIdentitySql(after)}`),
      RANK.rowSecurity,
      `${id}#replica-identity`,
      {
        requires: [id, ...(afterIndex ? [afterIndex] : [])],
        releases: beforeIndex && beforeIndex !== afterIndex ? [beforeIndex] : [],
      },
    ),
  );
  if (c && !same) {
    const describe = (identity: ReplicaIdentity | undefined) =>
      typeof identity === 'object' ? `index ${identity.index}` : (identity ?? 'default');
    ctx.changes.push({
      action: 'alter',
      object: id,
      attribute: 'replica identity',
      before: describe(before),
      after: describe(after),
    });
  }
}

export function replicaIdentitySql(identity: ReplicaIdentity | undefined): string {
  if (identity === undefined) return 'DEFAULT';
  if (typeof identity === 'object') return `USING INDEX ${quoteIdent(identity.index)}`;
  return identity.toUpperCase();
}

function alterClusterOn(ctx: DiffContext, id: string, c: TableInfo | undefined, d: TableInfo): void {
  const [before, after] = [c?.clusterOn, d.clusterOn];
  const beforeIndex = c && before ? indexIdOf(ctx.current, c, before) : undefined;
  const afterIndex = after ? indexIdOf(ctx.desired, d, after) : undefined;
  if (before === after && !(afterIndex && ctx.gone.has(afterIndex))) return;
  // A dropped index takes its mark along: only a kept one is unmarked.
  if (!after && beforeIndex && ctx.gone.has(beforeIndex)) return;
  const action = after ? `CLUSTER ON ${quoteIdent(after)}` : 'SET WITHOUT CLUSTER';
  ctx.statements.push(
    statement(alterTableSql(d, action), RANK.rowSecurity, `${id}#cluster`, {
      requires: [id, ...(afterIndex ? [afterIndex] : [])],
      releases: beforeIndex && beforeIndex !== afterIndex ? [beforeIndex] : [],
    }),
  );
  if (c && before !== after)
    ctx.changes.push({ action: 'alter', object: id, attribute: 'cluster on', before, after });
}
