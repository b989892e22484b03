import { ids, splitTableId } from '../../catalog/object-id.js';
import type { ObjectKindModule } from '../kind.js';
import { alterPolicy, createPolicy, dropPolicy } from './policy.diff.js';
import { readPolicies } from './policy.introspect.js';
import type { PolicyInfo } from './policy.model.js';
import { policyCommentTarget } from './policy.sql.js';

/** Row-level security policies (a table's ENABLE / FORCE ROW LEVEL SECURITY belongs to the table). */
export const policyKind: ObjectKindModule<PolicyInfo> = {
  name: 'policy',
  idKind: 'policy',
  id(policy) {
    const [schema, table] = splitTableId(policy.table);
    return ids.policy(schema, table, policy.name);
  },
  objects: (catalog) => catalog.policies,
  async read(client, filter, catalog) {
    catalog.policies = await readPolicies(client, filter);
  },
  addresses: { policy: ([schema, table, name]) => ids.policy(schema, table, name) },
  commentTarget: policyCommentTarget,
  commentOf: (policy, address) => (address.type === 'policy' ? policy.comment : undefined),
  dropsWith: (policy) => policy.table,
  recreate: { blocksRetype: true },
  diff: { create: createPolicy, drop: dropPolicy, alter: alterPolicy },
};
