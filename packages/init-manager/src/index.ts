export { initializeServiceDatabase } from './initialize.js';
export type { InitializeOptions, InitializeResult, InitializeMode } from './initialize.js';
export { applyMigrations, revertMigration, MigrationStatementError } from './applier.js';
export type { ApplyOptions, ApplyResult, MigrationResult, MigrationStatus } from './applier.js';
export { progressTableOf, readProgress } from './migration-progress.js';
export type { StepProgress } from './migration-progress.js';
export { historyTotalSql, readHistoryTotal } from './restart-check.js';
export {
  DEFAULT_LOCK_RETRIES,
  DEFAULT_LOCK_RETRY_DELAY_MS,
  DEFAULT_LOCK_RETRY_MAX_DELAY_MS,
} from './lock-retry.js';
export {
  readMigrations,
  inspectMigrations,
  listMigrationFileNames,
  formatProblem,
} from './read-migrations.js';
export type { ReadMigrationsResult, ReadOptions } from './read-migrations.js';
export { parseMigrationFile, statementsOf, MIGRATION_FILE_PATTERN } from './migration-file.js';
export type { MigrationFile, MigrationStep, Direction } from './migration-file.js';
export {
  writeMigrationsSum,
  checkMigrationsSum,
  computeSumEntries,
  renderMigrationsSum,
  parseMigrationsSum,
  inspectMigrationsSum,
  SUM_FILE,
} from './migrations-sum.js';
export type { SumCheck, SumProblem, SumProblemKind, SumEntry } from './migrations-sum.js';
export { checksumOf, normalizeLineEndings } from './checksum.js';
export { pendingMigrations } from './pending.js';
export {
  readAppliedMigrations,
  ensureMigrationsTable,
  tableExists,
  DEFAULT_MIGRATIONS_TABLE,
} from './migrations-table.js';
export type { AppliedMigration } from './migrations-table.js';
export {
  acquireServiceLock,
  releaseServiceLock,
  serviceLockKey,
  describeLockHolder,
} from './advisory-lock.js';
export {
  resolveEnvironment,
  normalizeEnvironment,
  isProtectedEnvironment,
  isDevelopmentEnvironment,
  DEVELOPMENT_ENVIRONMENTS,
  ENVIRONMENT_ALIASES,
} from './environment.js';
export type { Environment, ResolvedEnvironment } from './environment.js';
export {
  readModelFiles,
  isOwnershipStatement,
  isPrivilegeStatement,
  classifyModelStatement,
} from './model-sql.js';
export type { ModelFile, ModelStatementClass } from './model-sql.js';
export { rolesNamedBy, rolesDeclaredBy } from './role-names.js';
export { missingRoleOf } from './missing-role.js';
export { applyModels, modelsChecksum, runModelStatements, CREATE_ALL_MARKER } from './create-all.js';
export type { ModelRunOptions } from './create-all.js';
export { findSchemaObjects } from './database-objects.js';
export { createdObjects, probeObjects } from './migration-objects.js';
export type { CreatedObject, ObjectPresence } from './migration-objects.js';
export { recordAgainSql, explainAlreadyExists, explainOutOfOrder } from './history-repair.js';
export { loadSqlParser, isSqlParserLoaded, splitStatements, SqlSyntaxError } from './sql-statements.js';
export type { SqlStatement } from './sql-statements.js';
export { parseWithCache } from './statement-cache.js';
export type { StatementCache, Splitter } from './statement-cache.js';
export { InitManagerError, isInitManagerError } from './errors.js';
export type { InitManagerErrorCode, MigrationProblem } from './errors.js';
export { maskDatabaseUrl, maskSecrets, describeDatabaseUrl } from './mask-url.js';
export { consoleLogger, silentLogger } from './logger.js';
export type { Logger } from './logger.js';
export { quoteIdent, quoteLiteral, qualified, parseTableName } from './sql-identifiers.js';
export type { TableName } from './sql-identifiers.js';
export { writeFileAtomic } from './write-file-atomic.js';
