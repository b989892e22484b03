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
    // A view's rewrite rule stands for the view.
    rule: ([schema, name, rule]) => (rule === '_RETURN' ? ids.view(schema, name) : undefined),
  },
  commentTarget: viewCommentTarget,
  commentOf(view, address) {
    if (address.type === 'view' || address.type === 'materialized view') return view.comment;
    if (address.type.endsWith(' column')) return view.columnComments[address.names[2]];
    return undefined;
  },
  relationNames: (view) => [{ schema: view.schema, name: view.name }],
  comparable(view) {
    view.definition = normalizeQuery(view.definition);
  },
  recreate: { blocksRetype: true },
  diff: { create: createView, drop: dropView, alter: alterView },
};
