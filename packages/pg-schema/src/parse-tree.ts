import type { SqlStatement } from '@bakery-ia/init-manager';
import type { Node } from 'libpg-query';

/** Every wrapper key of libpg-query's `Node` union: `SelectStmt`, `ColumnRef`, `String`, ... */
export type NodeKind = Node extends infer N ? (N extends unknown ? keyof N : never) : never;

/** The member of the `Node` union with that wrapper key, e.g. `{ SelectStmt: SelectStmt }`. */
export type NodeOf<K extends NodeKind> = Extract<Node, Record<K, unknown>>;

/** Whether a value of a parse tree is the node wrapper `{ <kind>: ... }`. */
export function isNode<K extends NodeKind>(value: object, kind: K): value is NodeOf<K> {
  return kind in value;
}

/**
 * The typed parse tree of a statement split by init-manager, which keeps libpg-query's tree as
 * `kind` plus an untyped `node`: the wrapper key is put back, so callers narrow with `in`.
 */
export function statementNode(statement: SqlStatement): Node {
  const tree = { [statement.kind]: statement.node };
  if (!isWrapper(tree)) throw new Error(`pg-schema: no parse tree for ${statement.kind}`);
  return tree;
}

/** libpg-query's node shape: one key, the node kind, holding the node's fields. */
function isWrapper(value: Record<string, unknown>): value is Node {
  const values = Object.values(value);
  return values.length === 1 && typeof values[0] === 'object' && values[0] !== null;
}

/** The text of a `String` node (identifiers in name lists), or undefined for any other node. */
export function stringValue(node: Node | undefined): string | undefined {
  return node !== undefined && 'String' in node ? node.String.sval : undefined;
}
