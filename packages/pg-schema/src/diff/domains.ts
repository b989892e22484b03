import { commentTargets } from '../render/comments.js';
import * as ddl from '../render/ddl.js';
import { qualified, quoteIdent } from '../render/sql-text.js';
import { RANK, statement } from '../plan/statement.js';
import type { DomainInfo } from '../catalog/catalog.js';
import { allKeys, depsOf, sameJson, type DiffContext } from './context.js';
import { diffEachObject } from './each-object.js';
import { UnsupportedChangeError } from './unsupported.js';

/** Domains change in place (default, NOT NULL, constraints); a new base type or collation cannot. */
export function diffDomains(ctx: DiffContext): void {
  diffEachObject(ctx, {
    current: ctx.current.domains,
    desired: ctx.desired.domains,
    createSql: ddl.createDomainSql,
    dropSql: (domain) => ddl.dropTypeSql(domain, true),
    createRank: 'createType',
    dropRank: 'dropType',
    commentTarget: (domain) => commentTargets.domain(domain.schema, domain.name),
    alter: (id, c, d) => alterDomain(ctx, id, c, d),
  });
}

function alterDomain(ctx: DiffContext, id: string, c: DomainInfo, d: DomainInfo): void {
  const name = `ALTER DOMAIN ${qualified(d.schema, d.name)}`;
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
}
