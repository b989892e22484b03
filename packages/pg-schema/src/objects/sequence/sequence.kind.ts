import { ids } from '../../catalog/object-id.js';
import type { ObjectKindModule } from '../kind.js';
import { alterSequence, createSequence, dropSequence } from './sequence.diff.js';
import { readSequences } from './sequence.introspect.js';
import type { SequenceInfo } from './sequence.model.js';
import { sequenceCommentTarget } from './sequence.sql.js';

export const sequenceKind: ObjectKindModule<SequenceInfo> = {
  name: 'sequence',
  idKind: 'sequence',
  id: (sequence) => ids.sequence(sequence.schema, sequence.name),
  objects: (catalog) => catalog.sequences,
  async read(client, filter, catalog) {
    catalog.sequences = await readSequences(client, filter);
  },
  addresses: { sequence: ([schema, name]) => ids.sequence(schema, name) },
  commentTarget: sequenceCommentTarget,
  commentOf: (sequence, address) => (address.type === 'sequence' ? sequence.comment : undefined),
  // A serial's sequence goes with its table.
  dropsWith: (sequence) => sequence.ownedBy?.table,
  relationNames: (sequence) => [{ schema: sequence.schema, name: sequence.name }],
  diff: { create: createSequence, drop: dropSequence, alter: alterSequence },
};
