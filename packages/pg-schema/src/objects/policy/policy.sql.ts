import { splitTableId } from '../../catalog/object-id.js';
import { onTableCommentTarget } from '../../render/comments.js';
import { qualified, quoteIdent } from '../../render/sql-text.js';
import type { PolicyInfo } from './policy.model.js';

export function createPolicySql(policy: PolicyInfo): string {
  const [schema, table] = splitTableId(policy.table);
  const parts = [`CREATE POLICY ${quoteIdent(policy.name)} ON ${qualified(schema, table)}`];
  if (!policy.permissive) parts.push('AS RESTRICTIVE');
  if (policy.command !== 'ALL') parts.push(`FOR ${policy.command}`);
  if (!(policy.roles.length === 1 && policy.roles[0] === 'public'))
    parts.push(`TO ${policy.roles.join(', ')}`);
  if (policy.using !== undefined) parts.push(`USING (${policy.using})`);
  if (policy.withCheck !== undefined) parts.push(`WITH CHECK (${policy.withCheck})`);
  return `${parts.join(' ')};`;
}

export function dropPolicySql(policy: PolicyInfo): string {
  const [schema, table] = splitTableId(policy.table);
  return `DROP POLICY ${quoteIdent(policy.name)} ON ${qualified(schema, table)};`;
}

export const policyCommentTarget = (policy: PolicyInfo) =>
  onTableCommentTarget('POLICY', policy.name, policy.table);
