import { normalizeQuery } from '../../catalog/normalize.js';
import { ids } from '../../catalog/object-id.js';
import type { ObjectKindModule } from '../kind.js';
import { alterView, createView, dropView } from './view.diff.js';
import { readViews } from './view.introspect.js';
import type { ViewInfo } from './view.model.js';
import { viewCommentTarget } from './view.sql.js';

const viewAddress = ([schema, name]: string[]) => ids.view(schema, name);

/** Views and materialized views. */
export const viewKind: ObjectKindModule<ViewInfo> = {
  name: 'view',
  idKind: 'view',
  id: (view) => ids.view(view.schema, view.name),
  objects: (catalog) => catalog.views,
  async read(client, filter, catalog) {
    catalog.views = await readViews(client, filter);
  },
  addresses: {
    view: viewAddress,
    'materialized view': viewAddress,
    'view column': viewAddress,
    'materialized view column': viewAddress,
    // A view's `_RETURN` rule stands for the view: the rule kind maps it (one kind per address type).
  },
  commentTarget: viewCommentTarget,
  commentOf(view, address) {
    if (address.type === 'view' || address.type === 'materialized view') return view.comment;
    if (address.type.endsWith(' column')) return view.columnComments[address.names[2]];
    return undefined;
  },
  relationNames: (view) => [{ schema: view.schema, name: view.name }],
  // Options in the order the server keeps them (pg_dump's), compared as a set.
  comparable(view) {
    view.definition = normalizeQuery(view.definition);
    view.options.sort();
  },
  recreate: { blocksRetype: true },
  diff: { create: createView, drop: dropView, alter: alterView },
};
