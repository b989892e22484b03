import { qualified } from '../../render/sql-text.js';
import type { ViewInfo } from './view.model.js';

export function createViewSql(view: ViewInfo): string {
  const name = qualified(view.schema, view.name);
  if (view.materialized) {
    const options = view.options.length ? ` WITH (${view.options.join(', ')})` : '';
    return `CREATE MATERIALIZED VIEW ${name}${options} AS\n${view.definition}\nWITH DATA;`;
  }
  const options = view.options.length ? ` WITH (${view.options.join(', ')})` : '';
  return `CREATE VIEW ${name}${options} AS\n${view.definition};`;
}

export function dropViewSql(view: ViewInfo): string {
  return `DROP ${view.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${qualified(view.schema, view.name)};`;
}

export const viewCommentTarget = (view: ViewInfo) =>
  `${view.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${qualified(view.schema, view.name)}`;
