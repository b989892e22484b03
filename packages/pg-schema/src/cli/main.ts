import { writeFileSync } from 'node:fs';
import {
  describeDatabaseUrl,
  isInitManagerError,
  listMigrationFileNames,
  maskSecrets,
  writeMigrationsSum,
} from '@bakery-ia/init-manager';
import pg from 'pg';
import { PgSchemaError } from '../errors.js';
import { generateMigration } from '../generate/write-migration.js';
import { planMigration } from '../generate/plan-migration.js';
import { introspectCatalog } from '../introspect/introspect.js';
import { unsupportedWarning } from '../completeness/unsupported-message.js';
import { describeModels } from '../generate/describe-models.js';
import { renderSchemaDocs } from '../render/schema-docs.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { unusedUsingNote } from '../models/using-hints.js';
import { planToJson } from '../report/plan-json.js';
import { formatVerifyJunit } from '../report/verify-junit.js';
import { formatVerifyText } from '../report/verify-text.js';
import { renderMigrationText } from '../render/migration-text.js';
import { runCleanups, SIGNAL_EXIT_CODES, wasInterrupted } from '../shadow/cleanup.js';
import { verifyMigrations } from '../verify/verify-migrations.js';
import { duplicateVersions } from '../generate/duplicate-versions.js';
import { list, oneOf, parseOptions, required } from './args.js';
import { USAGE } from './usage.js';

const PLAN_OPTIONS = {
  models: { type: 'string' },
  migrations: { type: 'string' },
  'shadow-url': { type: 'string' },
  schemas: { type: 'string' },
  'no-privileges': { type: 'boolean' },
} as const;

/** How generated steps are written (diff and generate). */
const FORM_OPTIONS = {
  'no-online': { type: 'boolean' },
  'lock-timeout': { type: 'string' },
} as const;

function formOptions(values: Record<string, string | boolean | undefined>) {
  return {
    online: values['no-online'] !== true,
    lockTimeout: values['lock-timeout'] as string | undefined,
  };
}

type Output = { out: (text: string) => void; err: (text: string) => void };
const stdio: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Runs one CLI command; returns the exit code. User errors are one message, no stack. */
export async function main(argv: string[], io: Output = stdio): Promise<number> {
  const code = await runCommand(argv, io);
  // A Ctrl-C may have closed connections under the command; wait for its cleanup either way.
  await runCleanups();
  const signal = wasInterrupted();
  if (signal) {
    io.err('pg-schema: interrupted; shadow databases removed.\n');
    return SIGNAL_EXIT_CODES[signal];
  }
  return code;
}

async function runCommand(argv: string[], io: Output): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'diff':
        return await diff(rest, io);
      case 'generate':
        return await generate(rest, io);
      case 'verify':
        return await verify(rest, io);
      case 'hash':
        return hash(rest, io);
      case 'inspect':
        return await inspect(rest, io);
      case 'docs':
        return await docs(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 1 : 0;
      default:
        throw new PgSchemaError('USAGE', `unknown command "${command}".\n\n${USAGE}`);
    }
  } catch (error) {
    await runCleanups();
    if (wasInterrupted()) return 1;
    if (error instanceof PgSchemaError || isInitManagerError(error)) {
      io.err(`pg-schema: ${maskSecrets(error.message)}\n`);
      // verify: 1 means a check failed; 2 that it could not run (usage, shadow server, live database).
      const environment =
        error instanceof PgSchemaError && ['USAGE', 'SHADOW_UNAVAILABLE', 'ENVIRONMENT'].includes(error.code);
      return environment && command === 'verify' ? 2 : 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`pg-schema: unexpected error: ${maskSecrets(message)}\n`);
    if (process.env.PG_SCHEMA_DEBUG && error instanceof Error) io.err(`${error.stack}\n`);
    return 1;
  }
}

function planOptions(values: Record<string, string | boolean | undefined>) {
  return {
    modelsDir: required(values, 'models'),
    migrationsDir: required(values, 'migrations'),
    shadowUrl: (values['shadow-url'] as string | undefined) || process.env.MIGRATE_SHADOW_URL || undefined,
    schemas: list(values.schemas),
    privileges: values['no-privileges'] !== true,
  };
}

async function diff(argv: string[], io: Output): Promise<number> {
  const values = parseOptions(argv, {
    ...PLAN_OPTIONS,
    ...FORM_OPTIONS,
    format: { type: 'string' },
    'exit-code': { type: 'boolean' },
  });
  const format = oneOf(values.format, 'format', ['sql', 'json'] as const, 'sql');
  const plan = await planMigration({ ...planOptions(values), ...formOptions(values) });
  if (format === 'json') io.out(JSON.stringify(planToJson(plan), null, 2) + '\n');
  else if (plan.empty) io.err('No changes: the migrations already build the models.\n');
  else io.out(renderMigrationText(plan));
  for (const hint of plan.staleHints)
    io.err(`note: ${hint.where}: @renamed-from ${hint.from} is already applied; you can remove it.\n`);
  for (const hint of plan.unusedUsingHints) io.err(`${unusedUsingNote(hint)}\n`);
  return values['exit-code'] && !plan.empty ? 1 : 0;
}

async function generate(argv: string[], io: Output): Promise<number> {
  const values = parseOptions(argv, {
    ...PLAN_OPTIONS,
    ...FORM_OPTIONS,
    name: { type: 'string' },
    'dry-run': { type: 'boolean' },
  });
  const result = await generateMigration({
    ...planOptions(values),
    ...formOptions(values),
    name: values.name as string | undefined,
    dryRun: values['dry-run'] === true,
    onLockWait: (message) => io.err(`pg-schema: ${message}\n`),
  });
  for (const hint of result.plan.staleHints)
    io.err(`note: ${hint.where}: @renamed-from ${hint.from} is already applied; you can remove it.\n`);
  for (const hint of result.plan.unusedUsingHints) io.err(`${unusedUsingNote(hint)}\n`);
  if (result.status === 'no-changes') {
    io.out('No changes: the migrations already build the models. Nothing written.\n');
  } else if (result.status === 'dry-run') {
    io.out(`-- ${result.fileName} (dry run: nothing written)\n${result.text}`);
  } else {
    io.out(`Wrote ${result.fileName} and migrations.sum (${result.plan.changes.length} change(s)).\n`);
  }
  return 0;
}

/** Lint and hazards share one scale: fail on that level and above, or never. */
const FAIL_LEVELS = ['error', 'warning', 'info', 'none'] as const;

async function verify(argv: string[], io: Output): Promise<number> {
  const values = parseOptions(argv, {
    ...PLAN_OPTIONS,
    'fail-on': { type: 'string' },
    'fail-on-hazard': { type: 'string' },
    'database-url': { type: 'string' },
    format: { type: 'string' },
    'output-file': { type: 'string' },
    'no-round-trip': { type: 'boolean' },
  });
  const format = oneOf(values.format, 'format', ['text', 'json', 'junit'] as const, 'text');
  const report = await verifyMigrations({
    ...planOptions(values),
    failOn: oneOf(values['fail-on'], 'fail-on', FAIL_LEVELS, 'error'),
    failOnHazard: oneOf(values['fail-on-hazard'], 'fail-on-hazard', FAIL_LEVELS, 'none'),
    databaseUrl: values['database-url'] as string | undefined,
    roundTrip: values['no-round-trip'] !== true,
  });
  const label = required(values, 'migrations');
  const text =
    format === 'json'
      ? JSON.stringify(report, null, 2) + '\n'
      : format === 'junit'
        ? formatVerifyJunit(report, label)
        : formatVerifyText(report, label);
  if (values['output-file']) {
    writeFileSync(values['output-file'] as string, text);
    io.out(formatVerifyText(report, label));
  } else {
    io.out(text);
  }
  return report.ok ? 0 : 1;
}

function hash(argv: string[], io: Output): number {
  const values = parseOptions(argv, { migrations: { type: 'string' } });
  const dir = required(values, 'migrations');
  // Hashing two files with one number would bless the conflict that two merged branches make.
  const duplicates = duplicateVersions(listMigrationFileNames(dir));
  if (duplicates.length > 0) {
    throw new PgSchemaError(
      'INVALID_MIGRATIONS',
      `Not hashing ${dir}: ${duplicates.map((files) => `${files.join(' and ')} share a number`).join('; ')}. ` +
        `Renumber the newer one after the last migration (or regenerate it), then run hash again.`,
    );
  }
  writeMigrationsSum(dir);
  io.out(`Wrote ${dir}/migrations.sum.\n`);
  return 0;
}

async function inspect(argv: string[], io: Output): Promise<number> {
  const values = parseOptions(argv, {
    'database-url': { type: 'string' },
    schemas: { type: 'string' },
    'no-privileges': { type: 'boolean' },
  });
  const client = new pg.Client({
    connectionString: required(values, 'database-url'),
    connectionTimeoutMillis: 10_000,
  });
  client.on('error', () => undefined);
  await client.connect().catch((error: Error) => {
    throw new PgSchemaError(
      'ENVIRONMENT',
      `Cannot connect to ${describeDatabaseUrl(String(values['database-url']))}: ${maskSecrets(error.message)}.`,
    );
  });
  try {
    const catalog = await introspectCatalog(client, {
      schemas: list(values.schemas),
      privileges: values['no-privileges'] !== true,
    });
    io.out(JSON.stringify(catalog, null, 2) + '\n');
    // Inspecting is read-only: what no kind manages is a warning here, an error in generate and verify.
    if (catalog.unsupported.length > 0) io.err(unsupportedWarning(catalog.unsupported));
  } finally {
    await client.end();
  }
  return 0;
}

async function docs(argv: string[], io: Output): Promise<number> {
  const values = parseOptions(argv, {
    models: { type: 'string' },
    out: { type: 'string' },
    title: { type: 'string' },
    'shadow-url': { type: 'string' },
    schemas: { type: 'string' },
    'no-privileges': { type: 'boolean' },
  });
  const catalog = await describeModels({
    modelsDir: required(values, 'models'),
    shadowUrl: (values['shadow-url'] as string | undefined) || process.env.MIGRATE_SHADOW_URL || undefined,
    schemas: list(values.schemas),
    privileges: values['no-privileges'] !== true,
  });
  const text = renderSchemaDocs(catalog, (values.title as string | undefined) ?? 'Schema');
  const out = values.out as string | undefined;
  if (!out) {
    io.out(text);
    return 0;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  io.out(`Wrote ${out}.\n`);
  return 0;
}
