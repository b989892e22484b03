import type { SourceLocation } from './locate.js';
import { describeUnsupported, type UnsupportedObject } from './unsupported.js';

/** An object the check reported, with the side that holds it and where that side declared it. */
export interface LocatedUnsupported {
  object: UnsupportedObject;
  /** `models`: the schema the models build; `migrations`: the one the committed migrations build. */
  side: 'models' | 'migrations';
  location?: SourceLocation;
}

export const IGNORE_SETTING = 'ignoreObjects';

/** What to do about one object, for messages and verify's fix line. */
export function unsupportedFix(found: LocatedUnsupported): string {
  const name = describeUnsupported(found.object);
  const remove =
    found.side === 'models'
      ? 'remove it from the models'
      : 'drop it in a new migration written by hand (and keep it out of the models)';
  return `${remove}, or manage it outside the migrations and add "${name}" to "${IGNORE_SETTING}" in migrate.config.json`;
}

/** The UNSUPPORTED_OBJECT message: every object on one line with where it was declared, then what to do. */
export function unsupportedMessage(found: readonly LocatedUnsupported[]): string {
  const lines: string[] = [];
  for (const side of ['models', 'migrations'] as const) {
    const onSide = found.filter((f) => f.side === side).sort(byLocation);
    if (onSide.length === 0) continue;
    lines.push(
      side === 'models'
        ? 'The models create objects that pg-schema does not manage (a migration would silently leave them out):'
        : 'The committed migrations create objects that pg-schema does not manage (later migrations would not see them):',
    );
    for (const [where, names] of groupByLocation(onSide)) lines.push(`  ${where}: ${names.join(', ')}`);
  }
  const example = describeUnsupported(found[0].object);
  lines.push(
    'Remove each from the models (one a committed migration created needs a hand-written migration that drops it), ' +
      `or manage it outside the migrations and list it in "${IGNORE_SETTING}" of migrate.config.json exactly as named above ` +
      `(e.g. "${example}"). See docs/troubleshooting.md#unsupported_object.`,
  );
  return lines.join('\n');
}

/** A schema is left out when it is not one of the service's: say how to manage it. */
function hintFor(object: UnsupportedObject): string {
  return object.part === 'object' && object.kind === 'schema'
    ? ' (not one of the service\'s schemas: add it to "schemas" in migrate.config.json to manage it)'
    : '';
}

/** File, then line; objects no statement names last. */
function byLocation(a: LocatedUnsupported, b: LocatedUnsupported): number {
  if (!a.location || !b.location) return (a.location ? 0 : 1) - (b.location ? 0 : 1);
  if (a.location.file !== b.location.file) return a.location.file < b.location.file ? -1 : 1;
  return a.location.line - b.location.line;
}

/** `file:line` -> the objects declared there, in the order found (statements that made several). */
function groupByLocation(found: readonly LocatedUnsupported[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const item of found) {
    const where = item.location
      ? `${item.location.file}:${item.location.line}`
      : `${item.side} (no statement names it)`;
    const names = out.get(where) ?? [];
    names.push(describeUnsupported(item.object) + hintFor(item.object));
    out.set(where, names);
  }
  return out;
}

/** `pg-schema inspect` on a live database: what it holds that migrations would not see (read-only, so a warning). */
export function unsupportedWarning(objects: readonly UnsupportedObject[]): string {
  return (
    `warning: ${objects.length} object(s) in this database are not managed by pg-schema ` +
    `(migrations leave them out; generate and verify stop on them in models and migrations):\n` +
    objects.map((object) => `  ${describeUnsupported(object)}\n`).join('')
  );
}
