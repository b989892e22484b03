import type { SqlStatement } from '@bakery-ia/init-manager';
import type { Node } from 'libpg-query';
import {
  effectLevel,
  highestLevel,
  type HazardEffect,
  type StatementHazards,
  type TableLock,
} from './hazard.js';
import { blocksOf, strongerLock, type Blocks, type LockMode } from './lock-mode.js';
import { walkMigration, type MigrationScope, type MigrationSection } from './migration-scope.js';
import type { SchemaContext } from './schema-context.js';
import { statementEffects } from './statement-effects.js';
import { statementLabel } from './statement-label.js';

const LONG = new Set(['rewrite', 'scan', 'index-build']);

/**
 * The hazards of every statement of a migration's up sections that has any. Relations the
 * migration creates cost no one anything (nobody else uses them yet); locks on the others are
 * held until the section commits, so a later long step runs under the strongest lock taken
 * before it in the same transactional section.
 */
export function analyseHazards(sections: MigrationSection[], context: SchemaContext): StatementHazards[] {
  const out: StatementHazards[] = [];
  walkMigration(sections, context, (statement, node, scope) => {
    const hazards = statementHazards(statement, node, scope);
    if (hazards) out.push(hazards);
  });
  return out;
}

/** The hazards of one statement in its scope, or undefined when it has none; records its locks as held. */
export function statementHazards(
  statement: SqlStatement,
  node: Node,
  scope: MigrationScope,
): StatementHazards | undefined {
  const raw = statementEffects(node, scope);
  const locks: TableLock[] = [];
  const effective = new Map<string, { mode: LockMode; heldFromLine?: number }>();
  for (const [table, mode] of raw.locks) {
    if (scope.isNew(table)) continue;
    const held = scope.held(table);
    const strongest = strongerLock(mode, held?.mode);
    const heldFromLine = held && strongest !== mode ? held.line : undefined;
    effective.set(table, { mode: strongest, ...(heldFromLine !== undefined ? { heldFromLine } : {}) });
    locks.push({
      table,
      mode: strongest,
      blocks: blocksOf(strongest),
      ...(heldFromLine !== undefined ? { heldFromLine } : {}),
    });
    if (scope.transaction) scope.hold(table, mode, statement.line);
  }
  const effects: HazardEffect[] = [];
  const longOn = new Set<string>();
  for (const effect of raw.effects) {
    if (effect.table && scope.isNew(effect.table)) continue;
    if (!LONG.has(effect.kind)) {
      effects.push({
        kind: effect.kind,
        level: effectLevel(effect.kind, 'nothing'),
        ...(effect.table ? { table: effect.table } : {}),
        message: effect.what,
      });
      continue;
    }
    const lock = effect.table ? effective.get(effect.table) : undefined;
    const blocks: Blocks = effect.blocks ?? (lock ? blocksOf(lock.mode) : 'nothing');
    if (effect.table) longOn.add(effect.table);
    effects.push({
      kind: effect.kind,
      level: effectLevel(effect.kind, blocks),
      ...(effect.table ? { table: effect.table } : {}),
      message: `${effect.what}${lock ? ` under ${lock.mode}${heldNote(lock.heldFromLine)}` : ''}: ${blocksPhrase(blocks)} until it ends`,
    });
  }
  // A lock on another relation is held as long as the statement runs; a brief one that makes
  // others wait is a hazard too, because it queues behind every running transaction.
  const long = longOn.size > 0;
  for (const lock of locks) {
    if (longOn.has(lock.table) || lock.blocks === 'nothing') continue;
    effects.push({
      kind: 'lock',
      level: long ? effectLevel('scan', lock.blocks) : effectLevel('lock', lock.blocks),
      table: lock.table,
      message: long
        ? `${lock.mode} on ${lock.table}${heldNote(lock.heldFromLine)} while it runs: ${blocksPhrase(lock.blocks)} until it ends`
        : `${lock.mode} on ${lock.table}${heldNote(lock.heldFromLine)}, brief: ${blocksPhrase(lock.blocks)} while it waits for running transactions${scope.transaction ? ' and until the section commits' : ''}`,
    });
  }
  if (effects.length === 0) return undefined;
  const noted = effects.find((effect) => effect.kind === 'lock');
  if (noted && raw.notes.length > 0) noted.message += ` (${raw.notes.join('; ')})`;
  return {
    ...(statement.line > 0 ? { line: statement.line } : {}),
    statement: statementLabel(statement, node),
    transaction: scope.transaction,
    locks,
    effects,
    level: highestLevel(effects.map((e) => e.level)),
  };
}

function heldNote(line: number | undefined): string {
  if (line === undefined) return '';
  return line > 0 ? ` (held since line ${line})` : ' (held since an earlier statement of this section)';
}

function blocksPhrase(blocks: Blocks): string {
  if (blocks === 'reads and writes') return 'blocks reads and writes';
  return blocks === 'writes' ? 'blocks writes' : 'blocks neither reads nor writes';
}
