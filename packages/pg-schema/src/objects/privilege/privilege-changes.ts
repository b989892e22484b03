import type { DiffContext } from '../../diff/context.js';
import { describeState, type GrantState, type GrantStep } from './grants.js';
import { OWNER, PUBLIC, type Grants } from './privilege.model.js';

/**
 * Where privilege statements go. Revoking default privileges comes first and granting them last,
 * so that the objects this migration creates get what the two sides have in common (and their own
 * GRANT / REVOKE, computed from that, make the rest); grants on objects follow everything else.
 */
export const RANKS = { revokeDefaults: 0, revoke: 900, grant: 901, grantDefaults: 1000 };

export function recordChange(
  ctx: DiffContext,
  object: string,
  grantee: string,
  before: GrantState,
  after: GrantState,
): void {
  ctx.changes.push({
    action: 'alter',
    object,
    attribute: `privileges of ${grantee === PUBLIC ? 'PUBLIC' : grantee === OWNER ? 'the owner' : grantee}`,
    before: describeState(before),
    after: describeState(after),
  });
}

export function rankOf(step: GrantStep): number {
  return step.action === 'REVOKE' ? RANKS.revoke : RANKS.grant;
}

export function keysOf(grants: Grants | undefined): string[] {
  return grants ? Object.keys(grants) : [];
}
