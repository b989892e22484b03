import type {
  ColumnDef,
  CreateStmt,
  Node,
  ObjectType,
  ObjectWithArgs,
  RangeVar,
  RoleSpec,
  TypeName,
} from 'libpg-query';
import { stringValue } from '../parse-tree.js';
import type { UnsupportedPart } from './unsupported.js';

/**
 * What one statement creates (or comments, grants, labels), named as written, to find the
 * statement behind an object the completeness check reports: `types` are the
 * pg_identify_object_as_address types it may have (empty: any), `path` its name in parts (a
 * cast: its two types; a trigger: table and name in one part), each part as qualified as the
 * statement wrote it (empty: it names no particular object, e.g. ALTER DEFAULT PRIVILEGES).
 */
export interface Declaration {
  part: UnsupportedPart;
  types: readonly string[];
  path: string[][];
}

const RELATION_COLUMNS = [
  'table column',
  'view column',
  'materialized view column',
  'composite type column',
  'foreign table column',
];

/** The address types an ObjectType of COMMENT, SECURITY LABEL, GRANT or CREATE may stand for. */
const OBJECT_TYPES: Partial<Record<ObjectType, readonly string[]>> = {
  OBJECT_ACCESS_METHOD: ['access method'],
  OBJECT_AGGREGATE: ['aggregate'],
  OBJECT_CAST: ['cast'],
  OBJECT_COLUMN: RELATION_COLUMNS,
  OBJECT_COLLATION: ['collation'],
  OBJECT_CONVERSION: ['conversion'],
  OBJECT_DOMAIN: ['type'],
  OBJECT_DOMCONSTRAINT: ['domain constraint'],
  OBJECT_EVENT_TRIGGER: ['event trigger'],
  OBJECT_EXTENSION: ['extension'],
  OBJECT_FDW: ['foreign-data wrapper'],
  OBJECT_FOREIGN_SERVER: ['server'],
  OBJECT_FOREIGN_TABLE: ['foreign table'],
  OBJECT_FUNCTION: ['function', 'aggregate'],
  OBJECT_INDEX: ['index'],
  OBJECT_LANGUAGE: ['language'],
  OBJECT_MATVIEW: ['materialized view'],
  OBJECT_OPCLASS: ['operator class'],
  OBJECT_OPERATOR: ['operator'],
  OBJECT_OPFAMILY: ['operator family'],
  OBJECT_POLICY: ['policy'],
  OBJECT_PROCEDURE: ['procedure'],
  OBJECT_PUBLICATION: ['publication'],
  OBJECT_ROUTINE: ['function', 'procedure', 'aggregate'],
  OBJECT_RULE: ['rule'],
  OBJECT_SCHEMA: ['schema'],
  OBJECT_SEQUENCE: ['sequence'],
  OBJECT_STATISTIC_EXT: ['statistics object'],
  OBJECT_SUBSCRIPTION: ['subscription'],
  OBJECT_TABCONSTRAINT: ['table constraint'],
  OBJECT_TABLE: ['table'],
  OBJECT_TRANSFORM: ['transform'],
  OBJECT_TRIGGER: ['trigger'],
  OBJECT_TSCONFIGURATION: ['text search configuration'],
  OBJECT_TSDICTIONARY: ['text search dictionary'],
  OBJECT_TSPARSER: ['text search parser'],
  OBJECT_TSTEMPLATE: ['text search template'],
  OBJECT_TYPE: ['type'],
  OBJECT_VIEW: ['view'],
};

/** GRANT ... ON TABLE also grants on views, materialized views, foreign tables and sequences. */
const GRANT_TYPES: Partial<Record<ObjectType, readonly string[]>> = {
  ...OBJECT_TYPES,
  OBJECT_TABLE: ['table', 'view', 'materialized view', 'foreign table', 'sequence'],
};

/** How format_type prints the types the parser spells by their internal names. */
const TYPE_NAMES: Record<string, string> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  varchar: 'character varying',
  bpchar: 'character',
  timestamp: 'timestamp without time zone',
  timestamptz: 'timestamp with time zone',
  time: 'time without time zone',
  timetz: 'time with time zone',
};

/** Every object the statement declares, named as written. */
export function declarationsOf(node: Node): Declaration[] {
  const object = (types: readonly string[], ...path: string[][]): Declaration => ({
    part: 'object',
    types,
    path,
  });
  if ('CreateStmt' in node) return tableDeclarations(node.CreateStmt, 'table');
  if ('CreateForeignTableStmt' in node)
    return tableDeclarations(node.CreateForeignTableStmt.base ?? {}, 'foreign table');
  if ('IndexStmt' in node) {
    const { idxname, relation } = node.IndexStmt;
    return idxname ? [object(['index'], [...schemaOf(relation), idxname])] : [];
  }
  if ('CreateSeqStmt' in node) return [object(['sequence'], relationPath(node.CreateSeqStmt.sequence))];
  if ('ViewStmt' in node) return [object(['view'], relationPath(node.ViewStmt.view))];
  if ('CreateTableAsStmt' in node) {
    const { objtype, into } = node.CreateTableAsStmt;
    return [
      object(objtype === 'OBJECT_MATVIEW' ? ['materialized view'] : ['table'], relationPath(into?.rel)),
    ];
  }
  if ('CompositeTypeStmt' in node)
    return [object(['type', 'composite type'], relationPath(node.CompositeTypeStmt.typevar))];
  if ('CreateEnumStmt' in node) return [object(['type'], strings(node.CreateEnumStmt.typeName))];
  if ('CreateRangeStmt' in node) return [object(['type'], strings(node.CreateRangeStmt.typeName))];
  if ('CreateDomainStmt' in node) {
    const domain = strings(node.CreateDomainStmt.domainname);
    return [
      object(['type'], domain),
      ...constraintNames(node.CreateDomainStmt.constraints).map((name) =>
        object(['domain constraint'], domain, [name]),
      ),
    ];
  }
  if ('DefineStmt' in node) {
    const { kind, defnames } = node.DefineStmt;
    return kind ? [object(OBJECT_TYPES[kind] ?? [], strings(defnames))] : [];
  }
  if ('CreateFunctionStmt' in node) {
    const { is_procedure, funcname } = node.CreateFunctionStmt;
    return [object(is_procedure ? ['procedure'] : ['function'], strings(funcname))];
  }
  if ('CreateOpClassStmt' in node) {
    const { opclassname, opfamilyname } = node.CreateOpClassStmt;
    // Without FAMILY, Postgres creates the family of the same name along with the class.
    const types = opfamilyname?.length ? ['operator class'] : ['operator class', 'operator family'];
    return [object(types, strings(opclassname))];
  }
  if ('CreateOpFamilyStmt' in node)
    return [object(['operator family'], strings(node.CreateOpFamilyStmt.opfamilyname))];
  if ('AlterOpFamilyStmt' in node)
    return [
      object(
        ['operator of access method', 'function of access method'],
        strings(node.AlterOpFamilyStmt.opfamilyname),
      ),
    ];
  if ('CreateCastStmt' in node) {
    const { sourcetype, targettype } = node.CreateCastStmt;
    return [object(['cast'], typeNames(sourcetype), typeNames(targettype))];
  }
  if ('CreateConversionStmt' in node)
    return [object(['conversion'], strings(node.CreateConversionStmt.conversion_name))];
  if ('CreateTransformStmt' in node) {
    const { type_name, lang } = node.CreateTransformStmt;
    return [object(['transform'], typeNames(type_name), lang ? [lang] : [])];
  }
  if ('CreatePublicationStmt' in node) {
    const name = node.CreatePublicationStmt.pubname ?? '';
    return [
      object(['publication'], [name]),
      object(['publication relation', 'publication namespace'], [name]),
    ];
  }
  if ('AlterPublicationStmt' in node)
    return [
      object(['publication relation', 'publication namespace'], [node.AlterPublicationStmt.pubname ?? '']),
    ];
  if ('CreateSubscriptionStmt' in node)
    return [object(['subscription'], [node.CreateSubscriptionStmt.subname ?? ''])];
  if ('CreateEventTrigStmt' in node)
    return [object(['event trigger'], [node.CreateEventTrigStmt.trigname ?? ''])];
  if ('CreateFdwStmt' in node) return [object(['foreign-data wrapper'], [node.CreateFdwStmt.fdwname ?? ''])];
  if ('CreateForeignServerStmt' in node)
    return [object(['server'], [node.CreateForeignServerStmt.servername ?? ''])];
  if ('CreateUserMappingStmt' in node) {
    const { user, servername } = node.CreateUserMappingStmt;
    return [object(['user mapping'], roleName(user), [servername ?? ''])];
  }
  if ('CreateStatsStmt' in node)
    return [object(['statistics object'], strings(node.CreateStatsStmt.defnames))];
  if ('CreateAmStmt' in node) return [object(['access method'], [node.CreateAmStmt.amname ?? ''])];
  if ('CreatePLangStmt' in node) return [object(['language'], [node.CreatePLangStmt.plname ?? ''])];
  if ('CreateTrigStmt' in node) {
    const { relation, trigname } = node.CreateTrigStmt;
    return [object(['trigger'], [...relationPath(relation), trigname ?? ''])];
  }
  if ('RuleStmt' in node) {
    const { relation, rulename } = node.RuleStmt;
    return [object(['rule'], [...relationPath(relation), rulename ?? ''])];
  }
  if ('CreatePolicyStmt' in node) {
    const { table, policy_name } = node.CreatePolicyStmt;
    return [object(['policy'], [...relationPath(table), policy_name ?? ''])];
  }
  if ('AlterTableStmt' in node) return alterTableDeclarations(node);
  if ('AlterDomainStmt' in node) {
    const { subtype, typeName, def } = node.AlterDomainStmt;
    const name = def && 'Constraint' in def ? def.Constraint.conname : undefined;
    return subtype === 'C' && name ? [object(['domain constraint'], strings(typeName), [name])] : [];
  }
  if ('CreateSchemaStmt' in node) {
    const { schemaname, schemaElts } = node.CreateSchemaStmt;
    return [object(['schema'], [schemaname ?? '']), ...(schemaElts ?? []).flatMap(declarationsOf)];
  }
  if ('CreateExtensionStmt' in node) return [object(['extension'], [node.CreateExtensionStmt.extname ?? ''])];
  if ('AlterDefaultPrivilegesStmt' in node) return [object(['default acl'])];
  if ('CommentStmt' in node) return annotation('comment', node.CommentStmt.objtype, node.CommentStmt.object);
  if ('SecLabelStmt' in node)
    return annotation('security label', node.SecLabelStmt.objtype, node.SecLabelStmt.object);
  if ('GrantStmt' in node) return grantDeclarations(node);
  return [];
}

function tableDeclarations(statement: CreateStmt, type: string): Declaration[] {
  const table = relationPath(statement.relation);
  const out: Declaration[] = [{ part: 'object', types: [type], path: [table] }];
  for (const element of statement.tableElts ?? []) {
    if ('ColumnDef' in element) out.push(...columnDeclarations(table, element.ColumnDef));
    if ('Constraint' in element && element.Constraint.conname)
      out.push({
        part: 'object',
        types: ['table constraint'],
        path: [[...table, element.Constraint.conname]],
      });
  }
  return out;
}

/** A column's default and its named constraints. */
function columnDeclarations(table: string[], column: ColumnDef): Declaration[] {
  const name = column.colname ?? '';
  const out: Declaration[] = [];
  const constraints = (column.constraints ?? []).flatMap((c) => ('Constraint' in c ? [c.Constraint] : []));
  if (
    column.raw_default ||
    constraints.some((c) => c.contype === 'CONSTR_DEFAULT' || c.contype === 'CONSTR_GENERATED')
  )
    out.push({ part: 'object', types: ['default value'], path: [[...table, name]] });
  for (const constraint of constraints)
    if (constraint.conname)
      out.push({ part: 'object', types: ['table constraint'], path: [[...table, constraint.conname]] });
  return out;
}

function alterTableDeclarations(node: Extract<Node, { AlterTableStmt: unknown }>): Declaration[] {
  const table = relationPath(node.AlterTableStmt.relation);
  const out: Declaration[] = [];
  for (const item of node.AlterTableStmt.cmds ?? []) {
    if (!('AlterTableCmd' in item)) continue;
    const { subtype, name, def } = item.AlterTableCmd;
    if (subtype === 'AT_AddConstraint' && def && 'Constraint' in def && def.Constraint.conname)
      out.push({ part: 'object', types: ['table constraint'], path: [[...table, def.Constraint.conname]] });
    if (subtype === 'AT_ColumnDefault' && name)
      out.push({ part: 'object', types: ['default value'], path: [[...table, name]] });
    if (subtype === 'AT_AddColumn' && def && 'ColumnDef' in def)
      out.push(...columnDeclarations(table, def.ColumnDef));
  }
  return out;
}

/** COMMENT ON / SECURITY LABEL ON: the object's name, parts as written. */
function annotation(
  part: UnsupportedPart,
  objtype: ObjectType | undefined,
  object: Node | undefined,
): Declaration[] {
  if (!objtype) return [];
  const path = nodeParts(object);
  // `OPERATOR CLASS c USING btree` is written [btree, c]: the method is not part of the name.
  if ((objtype === 'OBJECT_OPCLASS' || objtype === 'OBJECT_OPFAMILY') && path[0]) path[0] = path[0].slice(1);
  return [{ part, types: OBJECT_TYPES[objtype] ?? [], path }];
}

function grantDeclarations(node: Extract<Node, { GrantStmt: unknown }>): Declaration[] {
  const { objtype, objects, privileges, targtype } = node.GrantStmt;
  if (!objtype) return [];
  const types = GRANT_TYPES[objtype] ?? [];
  // ON ALL TABLES IN SCHEMA s: every object of the type in s.
  if (targtype === 'ACL_TARGET_ALL_IN_SCHEMA') return [{ part: 'privileges', types, path: [] }];
  const out: Declaration[] = [];
  const columns = (privileges ?? []).flatMap((p) => ('AccessPriv' in p ? strings(p.AccessPriv.cols) : []));
  for (const object of objects ?? []) {
    const path = 'RangeVar' in object ? [relationPath(object.RangeVar)] : nodeParts(object);
    out.push({ part: 'privileges', types, path });
    for (const column of columns)
      out.push({ part: 'privileges', types: RELATION_COLUMNS, path: [[...(path[0] ?? []), column]] });
  }
  return out;
}

/** A name node in parts: identifiers together, each type name (and function) a part of its own. */
function nodeParts(node: Node | undefined): string[][] {
  if (!node) return [];
  const single = stringValue(node);
  if (single !== undefined) return [[single]];
  if ('TypeName' in node) return [typeNames(node.TypeName)];
  if ('ObjectWithArgs' in node) return [functionName(node.ObjectWithArgs)];
  if (!('List' in node)) return [];
  const parts: string[][] = [];
  let names: string[] = [];
  for (const item of node.List.items ?? []) {
    const name = stringValue(item);
    if (name !== undefined) {
      names.push(name);
      continue;
    }
    if (names.length > 0) parts.push(names);
    names = [];
    parts.push(...nodeParts(item));
  }
  if (names.length > 0) parts.push(names);
  return parts;
}

function functionName(fn: ObjectWithArgs): string[] {
  return strings(fn.objname);
}

/** A type name as format_type prints it: `integer`, not `int4`; `[]` for an array. */
export function typeNames(type: TypeName | undefined): string[] {
  const names = strings(type?.names);
  if (names.length === 0) return names;
  const last = names[names.length - 1];
  const builtin = names.length === 1 || names[0] === 'pg_catalog';
  names[names.length - 1] =
    (builtin ? (TYPE_NAMES[last] ?? last) : last) + (type?.arrayBounds?.length ? '[]' : '');
  return names;
}

function relationPath(relation: RangeVar | undefined): string[] {
  return [...schemaOf(relation), relation?.relname ?? ''];
}

function schemaOf(relation: RangeVar | undefined): string[] {
  return relation?.schemaname ? [relation.schemaname] : [];
}

function roleName(role: RoleSpec | undefined): string[] {
  if (role?.roletype === 'ROLESPEC_CSTRING' && role.rolename) return [role.rolename];
  // CURRENT_USER, PUBLIC: the address spells the role; any mapping of this server matches.
  return role?.roletype === 'ROLESPEC_PUBLIC' ? ['public'] : [];
}

function strings(nodes: Node[] | undefined): string[] {
  return (nodes ?? []).flatMap((node) => {
    const value = stringValue(node);
    return value === undefined ? [] : [value];
  });
}

function constraintNames(nodes: Node[] | undefined): string[] {
  return (nodes ?? []).flatMap((node) =>
    'Constraint' in node && node.Constraint.conname ? [node.Constraint.conname] : [],
  );
}
