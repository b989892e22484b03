import { qualified } from '../../render/sql-text.js';
import { withClause } from '../table/storage-options.js';
import type { ViewInfo } from './view.model.js';

export function createViewSql(view: ViewInfo): string {
  const name = qualified(view.schema, view.name);
  if (view.materialized) {
    return `CREATE MATERIALIZED VIEW ${name}${withClause(view.options)} AS\n${view.definition}\nWITH DATA;`;
  }
  return `CREATE VIEW ${name}${withClause(view.options)} AS\n${view.definition};`;
}

export function dropViewSql(view: ViewInfo): string {
  return `DROP ${view.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${qualified(view.schema, view.name)};`;
}

export const viewCommentTarget = (view: ViewInfo) =>
  `${view.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${qualified(view.schema, view.name)}`;
