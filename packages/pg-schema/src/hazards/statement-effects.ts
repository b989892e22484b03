import type { Node } from 'libpg-query';
import { stringValue } from '../parse-tree.js';
import { alterTableEffects } from './alter-table-effects.js';
import type { MigrationScope } from './migration-scope.js';
import { rawHazards, type RawHazards } from './raw-hazards.js';
import { objectName, qualifiedNames, relationName } from './relation-names.js';

/**
 * The locks and effects of one statement on relations (before leaving out the ones the migration
 * created), per Postgres' documented lock levels (the "Table-Level Locks" list and each command's
 * reference page). Statements it does not know (DO, CALL, SELECT of a function) are not analysed.
 */
export function statementEffects(node: Node, scope: MigrationScope): RawHazards {
  const raw = rawHazards();
  if ('AlterTableStmt' in node) {
    const objtype = node.AlterTableStmt.objtype;
    if (objtype === 'OBJECT_TABLE' || objtype === 'OBJECT_MATVIEW' || objtype === 'OBJECT_FOREIGN_TABLE')
      alterTableEffects(node.AlterTableStmt, scope, raw);
    else if (objtype === 'OBJECT_VIEW')
      raw.lock(relationName(node.AlterTableStmt.relation), 'ACCESS EXCLUSIVE');
  } else if ('IndexStmt' in node) {
    const index = node.IndexStmt;
    const table = relationName(index.relation);
    const name = index.idxname ?? '(unnamed)';
    if (index.concurrent) {
      raw.lock(table, 'SHARE UPDATE EXCLUSIVE');
      raw.effect('index-build', table, `builds index ${name} on ${table} concurrently`);
    } else {
      raw.lock(table, 'SHARE');
      raw.effect('index-build', table, `builds index ${name} on ${table}`);
    }
  } else if ('DropStmt' in node) {
    dropEffects(node.DropStmt, scope, raw);
  } else if ('TruncateStmt' in node) {
    for (const relation of node.TruncateStmt.relations ?? []) {
      if (!('RangeVar' in relation)) continue;
      const table = relationName(relation.RangeVar);
      raw.lock(table, 'ACCESS EXCLUSIVE');
      raw.effect(
        'data-loss',
        table,
        `deletes every row of ${table}${node.TruncateStmt.behavior === 'DROP_CASCADE' ? ' and of every table that references it' : ''}`,
      );
    }
  } else if ('DeleteStmt' in node) {
    const table = relationName(node.DeleteStmt.relation);
    raw.lock(table, 'ROW EXCLUSIVE');
    const all = !node.DeleteStmt.whereClause;
    raw.effect('data-loss', table, `deletes ${all ? 'every row' : 'the rows it matches'} of ${table}`);
    if (all) raw.effect('scan', table, `locks every row of ${table}: writers of those rows wait`, 'writes');
  } else if ('UpdateStmt' in node) {
    const table = relationName(node.UpdateStmt.relation);
    raw.lock(table, 'ROW EXCLUSIVE');
    if (!node.UpdateStmt.whereClause)
      raw.effect(
        'scan',
        table,
        `updates and locks every row of ${table}: writers of those rows wait`,
        'writes',
      );
  } else if ('RenameStmt' in node) {
    const rename = node.RenameStmt;
    // Renaming an index locks only the index (SHARE UPDATE EXCLUSIVE, PG12+).
    if (rename.renameType !== 'OBJECT_INDEX' && rename.relation) {
      raw.lock(relationName(rename.relation), 'ACCESS EXCLUSIVE');
    }
  } else if ('AlterObjectSchemaStmt' in node && node.AlterObjectSchemaStmt.relation) {
    raw.lock(relationName(node.AlterObjectSchemaStmt.relation), 'ACCESS EXCLUSIVE');
  } else if ('CreateStmt' in node) {
    const create = node.CreateStmt;
    if (create.partbound) {
      for (const parent of create.inhRelations ?? [])
        if ('RangeVar' in parent) raw.lock(relationName(parent.RangeVar), 'ACCESS EXCLUSIVE');
    }
    // A foreign key adds triggers to the referenced table: SHARE ROW EXCLUSIVE there, briefly.
    for (const element of create.tableElts ?? []) {
      const constraints =
        'Constraint' in element
          ? [element.Constraint]
          : 'ColumnDef' in element
            ? (element.ColumnDef.constraints ?? []).flatMap((c) => ('Constraint' in c ? [c.Constraint] : []))
            : [];
      for (const constraint of constraints)
        if (constraint.contype === 'CONSTR_FOREIGN')
          raw.lock(relationName(constraint.pktable), 'SHARE ROW EXCLUSIVE');
    }
  } else if ('ViewStmt' in node) {
    if (node.ViewStmt.replace) raw.lock(relationName(node.ViewStmt.view), 'ACCESS EXCLUSIVE');
  } else if ('CreateTrigStmt' in node) {
    raw.lock(relationName(node.CreateTrigStmt.relation), 'SHARE ROW EXCLUSIVE');
  } else if ('CreatePolicyStmt' in node) {
    raw.lock(relationName(node.CreatePolicyStmt.table), 'ACCESS EXCLUSIVE');
  } else if ('AlterPolicyStmt' in node) {
    raw.lock(relationName(node.AlterPolicyStmt.table), 'ACCESS EXCLUSIVE');
  } else if ('RuleStmt' in node) {
    raw.lock(relationName(node.RuleStmt.relation), 'ACCESS EXCLUSIVE');
  } else if ('VacuumStmt' in node) {
    const full = (node.VacuumStmt.options ?? []).some(
      (option) => 'DefElem' in option && option.DefElem.defname === 'full',
    );
    if (full && node.VacuumStmt.is_vacuumcmd) {
      for (const rel of node.VacuumStmt.rels ?? []) {
        if (!('VacuumRelation' in rel)) continue;
        const table = relationName(rel.VacuumRelation.relation);
        raw.lock(table, 'ACCESS EXCLUSIVE');
        raw.effect('rewrite', table, `rewrites ${table} (VACUUM FULL)`);
      }
    }
  } else if ('ClusterStmt' in node && node.ClusterStmt.relation) {
    const table = relationName(node.ClusterStmt.relation);
    raw.lock(table, 'ACCESS EXCLUSIVE');
    raw.effect('rewrite', table, `rewrites ${table} (CLUSTER)`);
  } else if ('ReindexStmt' in node) {
    const reindex = node.ReindexStmt;
    const concurrent = (reindex.params ?? []).some(
      (param) => 'DefElem' in param && param.DefElem.defname === 'concurrently',
    );
    const target = relationName(reindex.relation);
    const table = reindex.kind === 'REINDEX_OBJECT_INDEX' ? scope.indexTable(target) : target;
    if (table && (reindex.kind === 'REINDEX_OBJECT_INDEX' || reindex.kind === 'REINDEX_OBJECT_TABLE')) {
      raw.lock(table, concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE');
      raw.effect(
        'index-build',
        table,
        concurrent
          ? `rebuilds ${reindex.kind === 'REINDEX_OBJECT_INDEX' ? `index ${target}` : `the indexes of ${table}`} concurrently`
          : `rebuilds ${reindex.kind === 'REINDEX_OBJECT_INDEX' ? `index ${target}` : `the indexes of ${table}`} (reads that use an index being rebuilt wait too)`,
      );
    }
  } else if ('RefreshMatViewStmt' in node) {
    const view = relationName(node.RefreshMatViewStmt.relation);
    const concurrent = node.RefreshMatViewStmt.concurrent === true;
    raw.lock(view, concurrent ? 'EXCLUSIVE' : 'ACCESS EXCLUSIVE');
    // A materialized view has no writers but REFRESH: a concurrent refresh lets reads through.
    raw.effect(
      'scan',
      view,
      `recomputes ${view}${concurrent ? ' concurrently' : ''}`,
      concurrent ? 'nothing' : undefined,
    );
  } else if ('AlterDomainStmt' in node) {
    alterDomainEffects(node.AlterDomainStmt, scope, raw);
  } else if ('DropdbStmt' in node) {
    raw.effect('data-loss', undefined, `drops database ${node.DropdbStmt.dbname} and everything in it`);
  }
  return raw;
}

function dropEffects(
  drop: Extract<Node, { DropStmt: unknown }>['DropStmt'],
  scope: MigrationScope,
  raw: RawHazards,
): void {
  const cascade = drop.behavior === 'DROP_CASCADE';
  for (const object of drop.objects ?? []) {
    const name = objectName(object);
    switch (drop.removeType) {
      case 'OBJECT_TABLE':
        raw.lock(name, 'ACCESS EXCLUSIVE');
        for (const referenced of scope.context.references?.get(name) ?? [])
          raw.lock(referenced, 'ACCESS EXCLUSIVE');
        raw.effect('data-loss', name, `drops table ${name} and its rows`);
        break;
      case 'OBJECT_INDEX': {
        const table = scope.indexTable(name);
        if (table) raw.lock(table, drop.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE');
        break;
      }
      case 'OBJECT_VIEW':
      case 'OBJECT_MATVIEW':
        raw.lock(name, 'ACCESS EXCLUSIVE');
        break;
      case 'OBJECT_SCHEMA':
        raw.effect('data-loss', undefined, `drops schema ${name}${cascade ? ' and every table in it' : ''}`);
        break;
      case 'OBJECT_TYPE':
      case 'OBJECT_DOMAIN':
      case 'OBJECT_EXTENSION':
        if (cascade)
          raw.effect('data-loss', undefined, `drops ${name} with CASCADE: columns of its types go with it`);
        break;
      case 'OBJECT_SEQUENCE':
        raw.effect('irreversible', undefined, `drops sequence ${name}: its current value is lost`);
        break;
      case 'OBJECT_TRIGGER':
      case 'OBJECT_POLICY':
      case 'OBJECT_RULE': {
        // `DROP TRIGGER t ON table`: the list is table names then the object's name.
        const items =
          'List' in object ? (object.List.items ?? []).map((item) => stringValue(item) ?? '?') : [];
        const table = items.length >= 3 ? `${items[0]}.${items[1]}` : `public.${items[0] ?? '?'}`;
        raw.lock(table, 'ACCESS EXCLUSIVE');
        break;
      }
    }
  }
}

function alterDomainEffects(
  alter: Extract<Node, { AlterDomainStmt: unknown }>['AlterDomainStmt'],
  scope: MigrationScope,
  raw: RawHazards,
): void {
  const domain = qualifiedNames(alter.typeName);
  if (scope.isNewType(domain)) return;
  const validating =
    (alter.subtype === 'C' &&
      !(alter.def && 'Constraint' in alter.def && alter.def.Constraint.skip_validation)) ||
    alter.subtype === 'V' ||
    alter.subtype === 'N';
  if (!validating) return;
  for (const table of scope.context.domainTables?.get(domain) ?? []) {
    raw.lock(table, 'SHARE');
    raw.effect('scan', table, `scans ${table} to check its columns of domain ${domain}`);
  }
}
