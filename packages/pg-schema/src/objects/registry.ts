import type { AddressToId, AnyObjectKind } from './kind.js';
import { aggregateKind } from './aggregate/aggregate.kind.js';
import { collationKind } from './collation/collation.kind.js';
import { compositeKind } from './composite/composite.kind.js';
import { domainKind } from './domain/domain.kind.js';
import { enumKind } from './enum/enum.kind.js';
import { extensionKind } from './extension/extension.kind.js';
import { functionKind } from './function/function.kind.js';
import { indexKind } from './index/index.kind.js';
import { policyKind } from './policy/policy.kind.js';
import { rangeKind } from './range/range.kind.js';
import { ruleKind } from './rule/rule.kind.js';
import { defaultPrivilegeKind, privilegeKind } from './privilege/privilege.kind.js';
import { schemaKind } from './schema/schema.kind.js';
import { sequenceKind } from './sequence/sequence.kind.js';
import { statisticsKind } from './statistics/statistics.kind.js';
import { columnKind } from './table/column.kind.js';
import { constraintKind } from './table/constraint.kind.js';
import { tableKind } from './table/table.kind.js';
import { triggerKind } from './trigger/trigger.kind.js';
import { viewKind } from './view/view.kind.js';

/**
 * Every kind the engine manages, in the order the catalog is read and diffed. Reading: columns
 * and constraints attach to the tables read before them. Diffing: a kind may rely on what kinds
 * before it recorded (enums convert their columns before tables alter columns; a dropped table
 * marks its sequences, indexes, triggers and policies as gone with it before those are diffed),
 * and changes are reported in this order.
 */
export const OBJECT_KINDS: readonly AnyObjectKind[] = [
  schemaKind,
  extensionKind,
  collationKind,
  enumKind,
  domainKind,
  compositeKind,
  rangeKind,
  tableKind,
  columnKind,
  constraintKind,
  sequenceKind,
  functionKind,
  aggregateKind,
  indexKind,
  statisticsKind,
  viewKind,
  triggerKind,
  ruleKind,
  policyKind,
  // Last: privileges are kept for the objects every kind above read, and diffed after the cascade.
  defaultPrivilegeKind,
  privilegeKind,
];

/** pg_identify_object_as_address type -> catalog id, over every kind (each type named once). */
export function addressesOf(kinds: readonly AnyObjectKind[]): Map<string, AddressToId> {
  const out = new Map<string, AddressToId>();
  for (const kind of kinds) {
    for (const [type, toId] of Object.entries(kind.addresses ?? {})) {
      const known = out.get(type);
      if (known && known !== toId) throw new Error(`pg-schema: two kinds read the address type "${type}"`);
      out.set(type, toId);
    }
  }
  return out;
}
