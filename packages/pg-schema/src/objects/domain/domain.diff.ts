import { allKeys, depsOf, sameJson, type DiffContext } from '../../diff/context.js';
import { alterComment, commentOn, createStatement, dropStatement } from '../../diff/object-ops.js';
import { UnsupportedChangeError } from '../../diff/unsupported.js';
import { RANK, statement } from '../../plan/statement.js';
import { quoteIdent } from '../../render/sql-text.js';
import { dropTypeSql } from '../user-type.js';
import type { DomainInfo } from './domain.model.js';
import { alterDomainSql, createDomainSql, domainCommentTarget } from './domain.sql.js';

export function createDomain(ctx: DiffContext, id: string, domain: DomainInfo): void {
  ctx.statements.push(createStatement(ctx, id, createDomainSql(domain), RANK.createType));
  if (domain.comment !== undefined)
    ctx.statements.push(commentOn(domainCommentTarget(domain), domain.comment, id));
}

export function dropDomain(ctx: DiffContext, id: string, domain: DomainInfo): void {
  ctx.statements.push(dropStatement(ctx, id, dropTypeSql(domain, true), RANK.dropType));
}

/** Domains change in place (default, NOT NULL, constraints); a new base type or collation cannot. */
export function alterDomain(ctx: DiffContext, id: string, c: DomainInfo, d: DomainInfo): void {
  const name = alterDomainSql(d);
  const alter = (sql: string, attribute: string, before: unknown, after: unknown, key = attribute) => {
    ctx.statements.push(
      statement(sql, RANK.alterType, `${id}#${key}`, {
        creates: [id],
        requires: depsOf(ctx.desired, id),
        releases: depsOf(ctx.current, id),
      }),
    );
    ctx.changes.push({ action: 'alter', object: id, attribute, before, after });
  };
  if (c.baseType !== d.baseType || c.collation !== d.collation) {
    throw new UnsupportedChangeError(
      `The base type or collation of domain ${d.schema}.${d.name} changes (${c.baseType} -> ${d.baseType}); ` +
        `Postgres cannot alter that in place: write this migration by hand (create a new domain, convert the columns, drop the old one).`,
    );
  }
  if (c.default !== d.default) {
    alter(
      d.default === undefined ? `${name} DROP DEFAULT;` : `${name} SET DEFAULT ${d.default};`,
      'default',
      c.default,
      d.default,
    );
  }
  if (c.notNull !== d.notNull)
    alter(`${name} ${d.notNull ? 'SET' : 'DROP'} NOT NULL;`, 'not null', c.notNull, d.notNull);
  for (const constraint of allKeys(c.constraints, d.constraints)) {
    const before = c.constraints[constraint];
    const after = d.constraints[constraint];
    if (sameJson(before, after)) continue;
    if (before !== undefined)
      alter(
        `${name} DROP CONSTRAINT ${quoteIdent(constraint)};`,
        `constraint ${constraint}`,
        before,
        after,
        `0drop:${constraint}`,
      );
    if (after !== undefined) {
      ctx.statements.push(
        statement(
          `${name} ADD CONSTRAINT ${quoteIdent(constraint)} ${after};`,
          RANK.alterType,
          `${id}#1add:${constraint}`,
          {
            creates: [id],
            requires: depsOf(ctx.desired, id),
          },
        ),
      );
      if (before === undefined)
        ctx.changes.push({
          action: 'alter',
          object: id,
          attribute: `constraint ${constraint}`,
          before,
          after,
        });
    }
  }
  alterComment(ctx, domainCommentTarget(d), id, c.comment, d.comment);
}
