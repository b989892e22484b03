import type { ClientBase } from 'pg';
import type { MigrationFile } from './migration-file.js';
import { quoteIdent } from './sql-identifiers.js';
import type { SqlStatement } from './sql-statements.js';

/** An object a migration's up section creates, and how to ask the database whether it exists. */
export interface CreatedObject {
  /** `table public.roles`, `column users.loyalty_points`, for messages. */
  label: string;
  /** A query returning one row with a boolean `present`. */
  probe: { sql: string; params: unknown[] };
}

/**
 * The objects the up section of a migration creates with statements that fail when the object is
 * already there (CREATE without IF NOT EXISTS or OR REPLACE, ADD COLUMN, ADD CONSTRAINT, ADD
 * VALUE). Read from Postgres' own parse tree; statements of other kinds are not probed.
 */
export function createdObjects(migration: MigrationFile): CreatedObject[] {
  const objects: CreatedObject[] = [];
  for (const step of migration.up) {
    for (const statement of step.statements) objects.push(...objectsOf(statement));
  }
  return objects;
}

export interface ObjectPresence {
  present: CreatedObject[];
  missing: CreatedObject[];
}

/** Which of the objects exist (a probe that errors counts as missing). Names resolve on search_path. */
export async function probeObjects(client: ClientBase, objects: CreatedObject[]): Promise<ObjectPresence> {
  const result: ObjectPresence = { present: [], missing: [] };
  for (const object of objects) {
    let present = false;
    try {
      const { rows } = await client.query<{ present: boolean }>(object.probe.sql, object.probe.params);
      present = rows[0]?.present === true;
    } catch {
      present = false;
    }
    (present ? result.present : result.missing).push(object);
  }
  return result;
}

type Node = Record<string, unknown>;

interface RangeVar {
  schemaname?: string;
  relname?: string;
}

function objectsOf(statement: SqlStatement): CreatedObject[] {
  const node = statement.node;
  switch (statement.kind) {
    case 'CreateStmt':
      return node.if_not_exists ? [] : relation('table', node.relation);
    case 'ViewStmt':
      return node.replace ? [] : relation('view', node.view);
    case 'CreateTableAsStmt': {
      if (node.if_not_exists) return [];
      const kind = node.objtype === 'OBJECT_MATVIEW' ? 'materialized view' : 'table';
      return relation(kind, (node.into as Node | undefined)?.rel);
    }
    case 'CreateSeqStmt':
      return node.if_not_exists ? [] : relation('sequence', node.sequence);
    case 'IndexStmt': {
      if (node.if_not_exists || typeof node.idxname !== 'string') return [];
      const table = node.relation as RangeVar | undefined;
      return relation('index', { schemaname: table?.schemaname, relname: node.idxname });
    }
    case 'CompositeTypeStmt': {
      const type = node.typevar as RangeVar | undefined;
      return type?.relname ? [typeObject('type', names(type))] : [];
    }
    case 'CreateEnumStmt':
    case 'CreateRangeStmt':
      return [typeObject('type', strings(node.typeName))];
    case 'CreateDomainStmt':
      return [typeObject('domain', strings(node.domainname))];
    case 'CreateSchemaStmt':
      return node.if_not_exists || typeof node.schemaname !== 'string'
        ? []
        : [
            {
              label: `schema ${node.schemaname}`,
              probe: {
                sql: `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS present`,
                params: [node.schemaname],
              },
            },
          ];
    case 'CreateExtensionStmt':
      return node.if_not_exists || typeof node.extname !== 'string'
        ? []
        : [
            {
              label: `extension ${node.extname}`,
              probe: {
                sql: `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = $1) AS present`,
                params: [node.extname],
              },
            },
          ];
    case 'CreateFunctionStmt':
      return node.replace
        ? []
        : [routine(node.is_procedure ? 'procedure' : 'function', strings(node.funcname))];
    case 'CreateTrigStmt':
      return node.replace || typeof node.trigname !== 'string'
        ? []
        : [onRelation('trigger', node.trigname, node.relation, 'pg_trigger', 'tgrelid', 'tgname')];
    case 'CreatePolicyStmt':
      return typeof node.policy_name !== 'string'
        ? []
        : [onRelation('policy', node.policy_name, node.table, 'pg_policy', 'polrelid', 'polname')];
    case 'AlterEnumStmt':
      return typeof node.newVal !== 'string' || node.skipIfNewValExists || node.oldVal
        ? []
        : [enumValue(strings(node.typeName), node.newVal)];
    case 'AlterTableStmt':
      return alterTableObjects(node);
    default:
      return [];
  }
}

function alterTableObjects(node: Node): CreatedObject[] {
  const objects: CreatedObject[] = [];
  const table = node.relation as RangeVar | undefined;
  for (const item of (node.cmds as Node[] | undefined) ?? []) {
    const cmd = item.AlterTableCmd as Node | undefined;
    if (!cmd || cmd.missing_ok) continue;
    const def = cmd.def as Node | undefined;
    if (cmd.subtype === 'AT_AddColumn') {
      const column = (def?.ColumnDef as Node | undefined)?.colname;
      if (typeof column === 'string') objects.push(columnObject(table, column));
    }
    if (cmd.subtype === 'AT_AddConstraint') {
      const name = (def?.Constraint as Node | undefined)?.conname;
      if (typeof name === 'string')
        objects.push(onRelation('constraint', name, table, 'pg_constraint', 'conrelid', 'conname'));
    }
  }
  return objects;
}

function names(range: RangeVar): string[] {
  return [range.schemaname, range.relname].filter((part): part is string => typeof part === 'string');
}

/** `["public", "mood"]` from a list of String nodes. */
function strings(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .map((item: Node) => (item.String as { sval?: string } | undefined)?.sval)
    .filter((part): part is string => typeof part === 'string');
}

function qualifiedName(parts: string[]): string {
  return parts.map(quoteIdent).join('.');
}

function display(parts: string[]): string {
  return parts.join('.');
}

function relation(kind: string, value: unknown): CreatedObject[] {
  const range = value as RangeVar | undefined;
  if (!range?.relname) return [];
  const parts = names(range);
  return [
    {
      label: `${kind} ${display(parts)}`,
      probe: { sql: `SELECT to_regclass($1) IS NOT NULL AS present`, params: [qualifiedName(parts)] },
    },
  ];
}

function typeObject(kind: string, parts: string[]): CreatedObject {
  return {
    label: `${kind} ${display(parts)}`,
    probe: { sql: `SELECT to_regtype($1) IS NOT NULL AS present`, params: [qualifiedName(parts)] },
  };
}

function routine(kind: string, parts: string[]): CreatedObject {
  const name = parts[parts.length - 1];
  const schema = parts.length > 1 ? parts[parts.length - 2] : undefined;
  return {
    label: `${kind} ${display(parts)}`,
    probe: {
      sql:
        `SELECT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace ` +
        `WHERE p.proname = $1 AND (n.nspname = $2 OR ($2 IS NULL AND n.nspname = ANY (current_schemas(false))))) AS present`,
      params: [name, schema ?? null],
    },
  };
}

function onRelation(
  kind: string,
  name: string,
  table: unknown,
  catalog: string,
  relColumn: string,
  nameColumn: string,
): CreatedObject {
  const parts = names((table as RangeVar | undefined) ?? {});
  return {
    label: `${kind} ${name} on ${display(parts)}`,
    probe: {
      sql: `SELECT EXISTS (SELECT 1 FROM ${catalog} WHERE ${relColumn} = to_regclass($1) AND ${nameColumn} = $2) AS present`,
      params: [qualifiedName(parts), name],
    },
  };
}

function columnObject(table: RangeVar | undefined, column: string): CreatedObject {
  const parts = names(table ?? {});
  return {
    label: `column ${display(parts)}.${column}`,
    probe: {
      sql: `SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass($1) AND attname = $2 AND NOT attisdropped) AS present`,
      params: [qualifiedName(parts), column],
    },
  };
}

function enumValue(parts: string[], value: string): CreatedObject {
  return {
    label: `value '${value}' of enum ${display(parts)}`,
    probe: {
      sql: `SELECT EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = to_regtype($1) AND enumlabel = $2) AS present`,
      params: [qualifiedName(parts), value],
    },
  };
}
