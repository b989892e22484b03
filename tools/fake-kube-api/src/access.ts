import type { IncomingHttpHeaders } from 'node:http';
import type { FakeKubeState } from './state';
import { forbidden, unauthorized, type Attributes, type KubeStatus } from './status';

/**
 * Authentication then authorization, in the API server's order: a bad or missing token is 401
 * whatever the request; a matching forbidden rule is 403. Returns the failure, or undefined.
 */
export function checkAccess(
  state: FakeKubeState,
  headers: IncomingHttpHeaders,
  attributes: Attributes,
): KubeStatus | undefined {
  if (state.token !== undefined && headers.authorization !== `Bearer ${state.token}`) return unauthorized();
  if (state.forbidden.some((rule) => ruleMatches(rule, attributes))) return forbidden(state.user, attributes);
  return undefined;
}

function ruleMatches(rule: FakeKubeState['forbidden'][number], a: Attributes): boolean {
  return (
    (rule.verb === undefined || rule.verb === '*' || rule.verb === a.verb) &&
    (rule.resource === '*' || rule.resource === a.resource) &&
    (rule.namespace === undefined || rule.namespace === a.namespace) &&
    (rule.name === undefined || rule.name === a.name)
  );
}
