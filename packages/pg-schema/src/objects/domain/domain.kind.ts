import { ids } from '../../catalog/object-id.js';
import { qualified } from '../../render/sql-text.js';
import type { ObjectKindModule } from '../kind.js';
import { USER_TYPE_ADDRESSES, userTypeComment } from '../user-type.js';
import { alterDomain, createDomain, dropDomain } from './domain.diff.js';
import { readDomains } from './domain.introspect.js';
import type { DomainInfo } from './domain.model.js';
import { domainCommentTarget } from './domain.sql.js';

export const domainKind: ObjectKindModule<DomainInfo> = {
  name: 'domain',
  idKind: 'type',
  id: (domain) => ids.type(qualified(domain.schema, domain.name)),
  objects: (catalog) => catalog.domains,
  async read(client, filter, catalog) {
    catalog.domains = await readDomains(client, filter);
  },
  addresses: USER_TYPE_ADDRESSES,
  commentTarget: domainCommentTarget,
  commentOf: userTypeComment,
  diff: { create: createDomain, drop: dropDomain, alter: alterDomain },
};
