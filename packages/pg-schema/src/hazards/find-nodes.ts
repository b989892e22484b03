import { isNode, type NodeKind, type NodeOf } from '../parse-tree.js';

/** Every node of a kind under a parse tree, e.g. every FuncCall of an expression. */
export function findNodes<K extends NodeKind>(tree: unknown, kind: K): Array<NodeOf<K>[K]> {
  const found: Array<NodeOf<K>[K]> = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (typeof value === 'object' && value !== null) {
      if (isNode(value, kind)) found.push(value[kind]);
      for (const child of Object.values(value)) visit(child);
    }
  };
  visit(tree);
  return found;
}
