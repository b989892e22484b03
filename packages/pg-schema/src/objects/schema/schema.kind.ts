import { ids } from '../../catalog/object-id.js';
import type { ObjectKindModule } from '../kind.js';
import { alterSchema, createSchema, dropSchema } from './schema.diff.js';
import { readSchemas } from './schema.introspect.js';
import type { SchemaInfo } from './schema.model.js';
import { schemaCommentTarget } from './schema.sql.js';

export const schemaKind: ObjectKindModule<SchemaInfo> = {
  name: 'schema',
  idKind: 'schema',
  id: (schema) => ids.schema(schema.name),
  objects: (catalog) => catalog.schemas,
  async read(client, filter, catalog) {
    catalog.schemas = await readSchemas(client, filter);
  },
  addresses: {
    // System schemas are never catalog objects.
    schema: ([name]) =>
      name.startsWith('pg_') || name === 'information_schema' ? undefined : ids.schema(name),
  },
  commentTarget: (schema) => schemaCommentTarget(schema.name),
  commentOf: (schema, address) => (address.type === 'schema' ? schema.comment : undefined),
  diff: { create: createSchema, drop: dropSchema, alter: alterSchema },
};
