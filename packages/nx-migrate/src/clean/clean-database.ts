import pg from 'pg';
import { DEVELOPMENT_ENVIRONMENTS, isProtectedEnvironment, maskSecrets } from '@bakery-ia/init-manager';
import type { Terminal } from './confirm.js';
import {
  describeCounts,
  schemaInventory,
  schemaObjects,
  totalObjects,
  type SchemaCounts,
} from './schema-inventory.js';
import { wipeSchemas, type WipePath } from './wipe-schemas.js';

export interface CleanRequest {
  service: string;
  url: string;
  label: string;
  schemas: string[];
  environment?: string;
  environmentSource: string;
  yes?: boolean;
  dryRun?: boolean;
  allowProduction?: boolean;
  terminal: Terminal;
  log: (line: string) => void;
}

export type CleanOutcome =
  | { status: 'cleaned'; path: WipePath; before: SchemaCounts[]; after: SchemaCounts[]; note?: string }
  | { status: 'dry-run' | 'already-empty'; before: SchemaCounts[] }
  | { status: 'refused' | 'failed'; reason: string; before?: SchemaCounts[] };

/**
 * Wipes a service's schemas on purpose: shows what is there, refuses protected environments
 * (unless allowed and the database name is typed back), asks on a terminal unless --yes, refuses
 * without a terminal, drops, then counts again and says whether the schemas are empty.
 */
export async function cleanDatabase(request: CleanRequest): Promise<CleanOutcome> {
  const { log } = request;
  const client = new pg.Client({ connectionString: request.url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    return {
      status: 'failed',
      reason: `cannot connect to ${request.label}: ${maskSecrets((error as Error).message)}`,
    };
  }
  try {
    const database = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0].db;
    const before = await schemaInventory(client, request.schemas);
    log(
      request.environment
        ? `Target: ${request.label} (environment: ${request.environment}, from ${request.environmentSource})`
        : `Target: ${request.label} (no environment set: neither ENVIRONMENT nor migrate.config.json names one)`,
    );
    for (const line of describeCounts(before)) log(`  ${line}`);
    if (request.dryRun) {
      const objects = await schemaObjects(client, request.schemas);
      if (objects.length) log('Would drop:');
      for (const object of objects) log(`  ${object.kind} ${object.name}`);
      log(
        `Dry run: would drop ${totalObjects(before)} object(s) in schema(s) ${request.schemas.join(', ')}. Nothing dropped.`,
      );
      return { status: 'dry-run', before };
    }
    const refusal = await confirm(request, database);
    if (refusal) return { status: 'refused', reason: refusal, before };
    if (totalObjects(before) === 0 && before.every((c) => c.exists)) {
      log('Nothing to drop: the schemas are already empty.');
      return { status: 'already-empty', before };
    }
    const wiped = await wipeSchemas(client, request.schemas);
    const after = await schemaInventory(client, request.schemas);
    const left = totalObjects(after);
    const how =
      wiped.path === 'drop-schema'
        ? 'DROP SCHEMA ... CASCADE, schemas recreated'
        : `objects dropped one by one (${wiped.fallbackReason})`;
    if (left > 0) {
      return {
        status: 'failed',
        reason: `after ${how}, ${left} object(s) are still there: ${describeCounts(after).join('; ')}`,
        before,
      };
    }
    log(`Dropped ${totalObjects(before)} object(s) with ${how}. After: ${describeCounts(after).join('; ')}.`);
    return { status: 'cleaned', path: wiped.path, before, after };
  } catch (error) {
    return { status: 'failed', reason: maskSecrets((error as Error).message) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Undefined when the drop may go on; otherwise why not. */
async function confirm(request: CleanRequest, database: string): Promise<string | undefined> {
  const { terminal } = request;
  if (isProtectedEnvironment(request.environment)) {
    if (!request.allowProduction) {
      return (
        `the target is ${request.environment} (from ${request.environmentSource}), not a development environment ` +
        `(${DEVELOPMENT_ENVIRONMENTS.join(', ')}); migrate-clean refuses it. If you really mean it, add --allow-production and type the database name when asked.`
      );
    }
    if (!terminal.isInteractive) {
      return `the target is ${request.environment}, a protected environment: --allow-production also needs the database name typed back on a terminal, and there is none.`;
    }
    const typed = await terminal.ask(
      `This drops every object of ${request.environment} database "${database}". Type its name to confirm: `,
    );
    return typed === database
      ? undefined
      : `the name typed ("${typed}") is not "${database}"; nothing dropped.`;
  }
  if (request.yes) return undefined;
  if (!terminal.isInteractive) {
    return 'no terminal to confirm on and no --yes given; nothing dropped. Pass --yes to clean without asking.';
  }
  const answer = await terminal.ask(
    `Drop everything in schema(s) ${request.schemas.join(', ')} of ${request.label}? Type "yes" to confirm: `,
  );
  return answer.toLowerCase() === 'yes' ? undefined : 'not confirmed; nothing dropped.';
}
