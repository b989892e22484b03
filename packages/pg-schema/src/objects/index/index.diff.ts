import { parseSync, type IndexStmt } from 'libpg-query';
import { depsOf, type DiffContext } from '../../diff/context.js';
import { recreateObject } from '../../diff/diff-objects.js';
import { alterComment, commentOn, dropStatement } from '../../diff/object-ops.js';
import { RANK, statement } from '../../plan/statement.js';
import { qualified } from '../../render/sql-text.js';
import { alterOptionsSql } from '../table/storage-options.js';
import type { IndexInfo } from './index.model.js';
import { createIndexSql, dropIndexSql, indexCommentTarget } from './index.sql.js';

const INDEX = { create: createIndex, drop: dropIndex };

export function createIndex(ctx: DiffContext, id: string, index: IndexInfo): void {
  ctx.statements.push(
    statement(createIndexSql(index), RANK.createIndex, id, {
      creates: [id],
      requires: [...depsOf(ctx.desired, id), index.table],
      online: { form: 'create-index', index },
    }),
  );
  if (index.comment !== undefined)
    ctx.statements.push(commentOn(indexCommentTarget(index.schema, index.name), index.comment, id));
}

export function dropIndex(ctx: DiffContext, id: string, index: IndexInfo): void {
  const drop = dropStatement(ctx, id, dropIndexSql(index), RANK.dropIndex);
  drop.online = { form: 'drop-index', index };
  ctx.statements.push(drop);
}

/**
 * An index is recreated when its definition changes, except for its storage parameters alone,
 * which ALTER INDEX ... SET (...) / RESET (...) changes in place (not on a partitioned table,
 * whose index Postgres refuses to alter so); its comment changes in place.
 */
export function alterIndex(ctx: DiffContext, id: string, c: IndexInfo, d: IndexInfo): void {
  if (c.definition !== d.definition) {
    const partitioned = ctx.current.tables[c.table]?.partitionBy !== undefined;
    if (partitioned || !onlyOptionsDiffer(c, d)) {
      const difference = { attribute: 'definition', before: c.definition, after: d.definition };
      recreateObject(ctx, INDEX, id, { current: c, desired: d }, difference);
      return;
    }
    const target = `INDEX ${qualified(d.schema, d.name)}`;
    const statements = alterOptionsSql(target, c.options, d.options);
    statements.forEach((sql, index) =>
      ctx.statements.push(statement(sql, RANK.createIndex, `${id}#options${index}`, { requires: [id] })),
    );
    // The same parameters in another order (SET appends) are no change.
    if (statements.length > 0)
      ctx.changes.push({
        action: 'alter',
        object: id,
        attribute: 'storage parameters',
        before: c.options,
        after: d.options,
      });
  }
  alterComment(ctx, indexCommentTarget(d.schema, d.name), id, c.comment, d.comment);
}

/** Whether two definitions are the same index but for WITH (...), compared through their parse trees. */
export function onlyOptionsDiffer(a: IndexInfo, b: IndexInfo): boolean {
  const [x, y] = [withoutOptions(a.definition), withoutOptions(b.definition)];
  return x !== undefined && x === y;
}

function withoutOptions(definition: string): string | undefined {
  return indexTree(definition, (options) => (void options, undefined));
}

/**
 * A comparable form of a definition whose storage parameters are in another order than the
 * models' (ALTER INDEX ... SET appends): its parse tree with the parameters sorted.
 */
export function sortedOptionsDefinition(definition: string): string {
  return (
    indexTree(definition, (options) =>
      [...options].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
    ) ?? definition
  );
}

type IndexOptions = NonNullable<IndexStmt['options']>;

/** The parse tree of a CREATE INDEX as JSON, without token locations, its options passed through `options`. */
function indexTree(
  definition: string,
  options: (list: IndexOptions) => IndexOptions | undefined,
): string | undefined {
  try {
    const stmt = parseSync(definition).stmts?.[0]?.stmt;
    if (!stmt || !('IndexStmt' in stmt)) return undefined;
    const tree: IndexStmt = { ...stmt.IndexStmt, options: options(stmt.IndexStmt.options ?? []) };
    return JSON.stringify(tree, (key, value: unknown) => (key === 'location' ? undefined : value));
  } catch {
    // The parser is not loaded (loadSqlParser) or the text does not parse: compare as text.
    return undefined;
  }
}
