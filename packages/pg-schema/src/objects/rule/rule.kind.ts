import { normalizeQuery } from '../../catalog/normalize.js';
import { ids, splitTableId } from '../../catalog/object-id.js';
import type { ObjectKindModule } from '../kind.js';
import { alterRule, createRule, dropRule } from './rule.diff.js';
import { readRules } from './rule.introspect.js';
import type { RuleInfo } from './rule.model.js';
import { ruleCommentTarget } from './rule.sql.js';

/**
 * Rules on tables and views. Like views they stop ALTER COLUMN ... TYPE of a column they use,
 * so the cascade drops them before a retype and creates them after; they go with their relation.
 */
export const ruleKind: ObjectKindModule<RuleInfo> = {
  name: 'rule',
  idKind: 'rule',
  id(rule) {
    const [schema, relation] = splitTableId(rule.relation);
    return ids.rule(schema, relation, rule.name);
  },
  objects: (catalog) => catalog.rules,
  async read(client, filter, catalog) {
    catalog.rules = await readRules(client, filter);
  },
  // A view's `_RETURN` rule stands for the view.
  addresses: {
    rule: ([schema, relation, name]) =>
      name === '_RETURN' ? ids.view(schema, relation) : ids.rule(schema, relation, name),
  },
  commentOf: (object, address) => (address.type === 'rule' ? object.comment : undefined),
  commentTarget: ruleCommentTarget,
  dropsWith: (rule) => rule.relation,
  comparable(rule) {
    rule.definition = normalizeQuery(rule.definition);
  },
  recreate: { blocksRetype: true },
  diff: { create: createRule, drop: dropRule, alter: alterRule },
};
