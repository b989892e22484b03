import type { AnyObjectKind } from './kind.js';
import { compositeKind } from './composite/composite.kind.js';
import { domainKind } from './domain/domain.kind.js';
import { enumKind } from './enum/enum.kind.js';
import { extensionKind } from './extension/extension.kind.js';
import { functionKind } from './function/function.kind.js';
import { indexKind } from './index/index.kind.js';
import { policyKind } from './policy/policy.kind.js';
import { schemaKind } from './schema/schema.kind.js';
import { sequenceKind } from './sequence/sequence.kind.js';
import { triggerKind } from './trigger/trigger.kind.js';
import { viewKind } from './view/view.kind.js';

/**
 * Every kind the engine manages, in the order the catalog is read and diffed. The order matters
 * for the diff: a kind may rely on what kinds before it recorded in the diff context.
 */
export const OBJECT_KINDS: readonly AnyObjectKind[] = [
  schemaKind,
  extensionKind,
  enumKind,
  domainKind,
  compositeKind,
  sequenceKind,
  functionKind,
  indexKind,
  viewKind,
  triggerKind,
  policyKind,
];
