import { statementsOf, type Direction, type MigrationFile } from '@bakery-ia/init-manager';

/**
 * Statement kinds that leave nothing in the session once their transaction ends: a replay of
 * migrations made only of these is the same whether the next migration runs in the same session
 * or in a new one. Anything else (SET, a SELECT that may call set_config, DO, CALL, temp tables,
 * SET ROLE, PREPARE, DML that may run such functions) keeps the whole replay in one session.
 */
const SESSION_NEUTRAL = new Set([
  'AlterDefaultPrivilegesStmt',
  'AlterDomainStmt',
  'AlterEnumStmt',
  'AlterExtensionStmt',
  'AlterFunctionStmt',
  'AlterObjectSchemaStmt',
  'AlterOwnerStmt',
  'AlterPolicyStmt',
  'AlterSeqStmt',
  'AlterTableStmt',
  'CommentStmt',
  'CompositeTypeStmt',
  'CreateCastStmt',
  'CreateDomainStmt',
  'CreateEnumStmt',
  'CreateExtensionStmt',
  'CreateFunctionStmt',
  'CreatePolicyStmt',
  'CreateRangeStmt',
  'CreateSchemaStmt',
  'CreateSeqStmt',
  'CreateStatsStmt',
  'CreateStmt',
  'CreateTrigStmt',
  'DefineStmt',
  'DropStmt',
  'GrantStmt',
  'IndexStmt',
  'RenameStmt',
  'RuleStmt',
  'ViewStmt',
]);

type Relation = { relpersistence?: string };
type Parsed = Record<
  string,
  { relation?: Relation; view?: Relation; sequence?: Relation; is_local?: boolean; kind?: string } | undefined
>;

/** Whether the migration's statements (of `directions`) leave nothing in the session. */
function sessionNeutral(migration: MigrationFile, directions: Direction[]): boolean {
  return directions
    .flatMap((direction) => statementsOf(migration, direction))
    .every((statement) => {
      const stmt = statement.stmt as Parsed | undefined;
      // SET LOCAL ends with its transaction (generated steps start with one); RESET goes back to
      // the default a new session has.
      const set = stmt?.VariableSetStmt;
      if (set) return set.is_local === true || set.kind === 'VAR_RESET' || set.kind === 'VAR_RESET_ALL';
      if (!SESSION_NEUTRAL.has(statement.kind)) return false;
      // Temporary tables, views, sequences and pg_temp functions live as long as the session.
      if (/pg_temp/i.test(statement.sql)) return false;
      const relation = stmt?.CreateStmt?.relation ?? stmt?.ViewStmt?.view ?? stmt?.CreateSeqStmt?.sequence;
      return relation?.relpersistence !== 't';
    });
}

/** How many earlier prefixes a replay looks for (a new migration or two since the last build). */
export const MAX_BASES = 4;

export interface ReplayBase {
  /** replayKey of the first `count` migrations. */
  key: string;
  count: number;
}

/**
 * The prefixes of `migrations` whose cached replay a miss may start from, longest first: copy the
 * prefix's template, then apply only the migrations after it. Only prefixes whose migrations are
 * all session-neutral qualify: in a replay from scratch, whatever a migration leaves in the
 * session is seen by the ones after it, and a copy starts them in a new session.
 */
export function replayBases(
  migrations: MigrationFile[],
  keyOf: (prefix: MigrationFile[]) => string,
  directions: Direction[] = ['up'],
): ReplayBase[] {
  let neutral = 0;
  while (neutral < migrations.length && sessionNeutral(migrations[neutral], directions)) neutral++;
  const bases: ReplayBase[] = [];
  const longest = Math.min(neutral, migrations.length - 1);
  for (let count = longest; count >= 1 && bases.length < MAX_BASES; count--)
    bases.push({ key: keyOf(migrations.slice(0, count)), count });
  return bases;
}
