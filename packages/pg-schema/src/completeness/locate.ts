import type { SqlStatement } from '@bakery-ia/init-manager';
import type { ObjectAddress } from '../objects/kind.js';
import { statementNode } from '../parse-tree.js';
import { declarationsOf, type Declaration } from './declarations.js';
import type { UnsupportedObject } from './unsupported.js';

/** Where an object was declared: a models file or a migration, and the line of the statement. */
export interface SourceLocation {
  file: string;
  line: number;
}

interface DeclaringStatement extends SourceLocation {
  declarations: Declaration[];
}

/** The statements of some SQL files with what each declares (read from its parse tree once). */
export function declaringStatements(
  files: ReadonlyArray<{ file: string; statements: readonly SqlStatement[] }>,
): DeclaringStatement[] {
  return files.flatMap(({ file, statements }) =>
    statements.map((statement) => ({
      file,
      line: statement.line,
      declarations: declarationsOf(statementNode(statement)),
    })),
  );
}

const RELATIONS = ['table', 'view', 'materialized view', 'foreign table'];

/**
 * The statement that declared the object: the first that matches (models: where it is
 * created), or the last (migrations: the latest creation is the one that holds). A part of a
 * relation that no statement names (an unnamed constraint, a default) is found at the
 * statement that creates its relation.
 */
export function locate(
  object: UnsupportedObject,
  statements: readonly DeclaringStatement[],
  pick: 'first' | 'last',
): SourceLocation | undefined {
  const path = addressPath(object.address);
  const found = find(
    statements,
    pick,
    (d) => d.part === object.part && typeMatches(d, object.address.type) && pathMatches(d.path, path),
  );
  if (found || object.part !== 'object' || path.length !== 1 || path[0].length < 3) return found;
  const relation = [path[0].slice(0, -1)];
  return find(
    statements,
    pick,
    (d) => d.part === 'object' && d.types.some((t) => RELATIONS.includes(t)) && pathMatches(d.path, relation),
  );
}

function find(
  statements: readonly DeclaringStatement[],
  pick: 'first' | 'last',
  matches: (declaration: Declaration) => boolean,
): SourceLocation | undefined {
  const ordered = pick === 'first' ? statements : [...statements].reverse();
  const statement = ordered.find((s) => s.declarations.some(matches));
  return statement && { file: statement.file, line: statement.line };
}

function typeMatches(declaration: Declaration, type: string): boolean {
  return declaration.types.length === 0 || declaration.types.includes(type);
}

/** Same number of parts, each written part a suffix of the address's (or the other way round). */
function pathMatches(written: string[][], address: string[][]): boolean {
  if (written.length === 0) return true;
  return written.length === address.length && written.every((part, i) => suffixOf(part, address[i]));
}

function suffixOf(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((name, i) => name === long[long.length - short.length + i]);
}

/** The name of an address in parts, as declarationsOf() spells what statements name. */
export function addressPath({ type, names, args }: ObjectAddress): string[][] {
  switch (type) {
    case 'type':
      return [splitQualified(names[0])];
    case 'domain constraint':
      return [splitQualified(names[0]), [args[0]]];
    case 'cast':
      return [splitQualified(names[0]), splitQualified(args[0])];
    case 'transform':
      return [splitQualified(names[0]), [args[0]]];
    case 'operator class':
    case 'operator family':
    case 'operator of access method':
    case 'function of access method':
      // [method, schema, name, ...]: the family or class is what statements name.
      return [names.slice(1, 3)];
    case 'user mapping':
      return [[names[0]], [args[0]]];
    case 'publication relation':
    case 'publication namespace':
      return [[args[0]]];
    case 'default acl':
      return [];
    default:
      return [names];
  }
}

/** `public."My Type"[]` -> [`public`, `My Type[]`]: dots outside quotes separate names. */
export function splitQualified(text: string): string[] {
  const out: string[] = [];
  let name = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      if (quoted && text[i + 1] === '"') {
        name += '"';
        i++;
      } else quoted = !quoted;
    } else if (char === '.' && !quoted) {
      out.push(name);
      name = '';
    } else name += char;
  }
  out.push(name);
  return out;
}
