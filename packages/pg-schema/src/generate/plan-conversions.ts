import type { ClientBase } from 'pg';
import type { Catalog } from '../catalog/catalog.js';
import { ids } from '../catalog/object-id.js';
import type { RenameHint } from '../models/rename-hints.js';
import type { UsingHint } from '../models/using-hints.js';
import type { CastPath, ColumnConversions, UsingExpression } from '../objects/table/column-conversion.js';
import { columnTypeChanges, resolveCastPaths } from './cast-paths.js';

export interface ConversionPlan {
  up: ColumnConversions;
  down: ColumnConversions;
  /** Hints on columns whose type does not change: they can be removed from the models. */
  unused: UsingHint[];
}

export interface ConversionInputs {
  hints: UsingHint[];
  renameHints: RenameHint[];
  /** The up diff's sides (current with hint renames applied) and the down diff's. */
  up: { current: Catalog; desired: Catalog };
  down: { current: Catalog; desired: Catalog };
  /**
   * Where the server is asked how retyped columns convert: the shadow databases the migrations
   * and the models built (opened only when a column is retyped), or the answers a plan record
   * kept for these very schemas.
   */
  castPaths:
    | { databases: () => Promise<{ currentDb: ClientBase; desiredDb: ClientBase }> }
    | { recorded: { up: Map<string, CastPath>; down: Map<string, CastPath> } };
}

/**
 * For each direction: how the server converts every retyped column (cast-paths.ts), and the
 * models' `-- @using` expressions keyed by the column's id in that direction's desired catalog
 * (in down, the name before a hinted rename).
 */
export async function planConversions(inputs: ConversionInputs): Promise<ConversionPlan> {
  const upChanges = columnTypeChanges(inputs.up.current, inputs.up.desired);
  const downChanges = columnTypeChanges(inputs.down.current, inputs.down.desired);
  const from = inputs.castPaths;
  const ask = async (databases: () => Promise<{ currentDb: ClientBase; desiredDb: ClientBase }>) => {
    if (upChanges.length === 0 && downChanges.length === 0) return [new Map(), new Map()];
    const { currentDb, desiredDb } = await databases();
    return [
      await resolveCastPaths(upChanges, desiredDb, currentDb),
      await resolveCastPaths(downChanges, currentDb, desiredDb),
    ];
  };
  const [upPaths, downPaths] =
    'recorded' in from ? [from.recorded.up, from.recorded.down] : await ask(from.databases);
  const retyped = new Set(upChanges.map((change) => change.columnId));
  const upUsing = new Map<string, UsingExpression>();
  const downUsing = new Map<string, UsingExpression>();
  const unused: UsingHint[] = [];
  for (const hint of inputs.hints) {
    const columnId = ids.column(hint.schema, hint.table, hint.column);
    if (!retyped.has(columnId)) {
      unused.push(hint);
      continue;
    }
    upUsing.set(columnId, { expression: hint.up, where: hint.where });
    downUsing.set(namesBeforeRenames(hint, inputs.renameHints), { expression: hint.down, where: hint.where });
  }
  return {
    up: { castPaths: upPaths, using: upUsing, direction: 'up' },
    down: { castPaths: downPaths, using: downUsing, direction: 'down' },
    unused,
  };
}

/** The column's id under the names it has in the committed schema (a hinted rename undone). */
function namesBeforeRenames(hint: UsingHint, renames: RenameHint[]): string {
  const table =
    renames.find((r) => r.kind === 'table' && r.schema === hint.schema && r.table === hint.table)?.from ??
    hint.table;
  const column =
    renames.find(
      (r) =>
        r.kind === 'column' && r.schema === hint.schema && r.table === hint.table && r.column === hint.column,
    )?.from ?? hint.column;
  return ids.column(hint.schema, table, column);
}
