import { ids } from '../../catalog/object-id.js';
import { qualified } from '../../render/sql-text.js';
import type { ObjectKindModule } from '../kind.js';
import { typeCommentTarget, USER_TYPE_ADDRESSES, userTypeComment } from '../user-type.js';
import { alterEnum, createEnum, dropEnum } from './enum.diff.js';
import { readEnums } from './enum.introspect.js';
import type { EnumInfo } from './enum.model.js';

export const enumKind: ObjectKindModule<EnumInfo> = {
  name: 'enum',
  idKind: 'type',
  id: (type) => ids.type(qualified(type.schema, type.name)),
  objects: (catalog) => catalog.enums,
  async read(client, filter, catalog) {
    catalog.enums = await readEnums(client, filter);
  },
  addresses: USER_TYPE_ADDRESSES,
  commentTarget: typeCommentTarget,
  commentOf: userTypeComment,
  diff: { create: createEnum, drop: dropEnum, alter: alterEnum },
};
