import { ids } from '../../catalog/object-id.js';
import type { ObjectKindModule } from '../kind.js';
import { alterFunction, createFunction, dropFunction } from './function.diff.js';
import { readFunctions } from './function.introspect.js';
import type { FunctionInfo } from './function.model.js';
import { functionCommentTarget } from './function.sql.js';

const functionAddress = ([schema, name]: string[], args: string[]) =>
  ids.function(schema, name, args.join(','));

/** Functions and procedures. */
export const functionKind: ObjectKindModule<FunctionInfo> = {
  name: 'function',
  idKind: 'function',
  objects: (catalog) => catalog.functions,
  async read(client, filter, catalog) {
    catalog.functions = await readFunctions(client, filter);
  },
  addresses: { function: functionAddress, procedure: functionAddress },
  commentTarget: functionCommentTarget,
  commentOf: (fn, address) =>
    address.type === 'function' || address.type === 'procedure' ? fn.comment : undefined,
  recreate: { blocksRetype: false },
  diff: { create: createFunction, drop: dropFunction, alter: alterFunction },
};
