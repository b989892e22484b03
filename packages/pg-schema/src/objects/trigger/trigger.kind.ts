import { ids, splitTableId } from '../../catalog/object-id.js';
import type { ObjectKindModule } from '../kind.js';
import { alterTrigger, createTrigger, dropTrigger } from './trigger.diff.js';
import { readTriggers } from './trigger.introspect.js';
import type { TriggerInfo } from './trigger.model.js';
import { triggerCommentTarget } from './trigger.sql.js';

export const triggerKind: ObjectKindModule<TriggerInfo> = {
  name: 'trigger',
  idKind: 'trigger',
  id(trigger) {
    const [schema, table] = splitTableId(trigger.table);
    return ids.trigger(schema, table, trigger.name);
  },
  objects: (catalog) => catalog.triggers,
  async read(client, filter, catalog) {
    catalog.triggers = await readTriggers(client, filter);
  },
  addresses: { trigger: ([schema, table, name]) => ids.trigger(schema, table, name) },
  commentTarget: triggerCommentTarget,
  commentOf: (trigger, address) => (address.type === 'trigger' ? trigger.comment : undefined),
  dropsWith: (trigger) => trigger.table,
  recreate: { blocksRetype: true },
  diff: { create: createTrigger, drop: dropTrigger, alter: alterTrigger },
};
