import type { Labels } from './types';

/** A selector the fake cannot parse; the server answers 400 as the API server does. */
export class SelectorError extends Error {}

type Requirement =
  { op: 'exists' | 'notexists'; key: string } | { op: 'in' | 'notin'; key: string; values: string[] };

export type Matcher = (labels: Labels) => boolean;

/**
 * Parses a label selector: equality (`a=b`, `a==b`, `a!=b`), existence (`a`, `!a`) and set-based
 * (`a in (x,y)`, `a notin (x)`) requirements, comma-separated (all must hold).
 */
export function parseLabelSelector(selector: string | null | undefined): Matcher {
  const requirements = splitTopLevel(selector ?? '').map(parseRequirement);
  return (labels) => requirements.every((r) => matches(r, labels));
}

function matches(r: Requirement, labels: Labels): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.op) {
    case 'exists':
      return has;
    case 'notexists':
      return !has;
    case 'in':
      return has && r.values.includes(labels[r.key]);
    case 'notin':
      return !has || !r.values.includes(labels[r.key]);
  }
}

/** Splits on commas outside parentheses, so `a in (x,y),b=c` is two requirements. */
function splitTopLevel(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

const KEY = String.raw`[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?`;
const VALUE = String.raw`([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?`;

function parseRequirement(text: string): Requirement {
  let m = new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*(${VALUE})$`).exec(text);
  if (m) {
    const [, key, , op, value] = m;
    return { op: op === '!=' ? 'notin' : 'in', key, values: [value] };
  }
  m = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^)]*)\\)$`).exec(text);
  if (m) {
    const values = m[4].split(',').map((v) => v.trim());
    return { op: m[3] as 'in' | 'notin', key: m[1], values };
  }
  m = new RegExp(`^(!?)\\s*(${KEY})$`).exec(text);
  if (m) return { op: m[1] ? 'notexists' : 'exists', key: m[2] };
  throw new SelectorError(`unable to parse requirement: ${JSON.stringify(text)}`);
}

/** Pod fields the fake supports in field selectors (a subset of what the API server indexes). */
export type PodFields = Record<
  'metadata.name' | 'metadata.namespace' | 'status.phase' | 'spec.nodeName' | 'status.podIP',
  string
>;

/** Parses `status.phase=Running,metadata.name!=x` (equality and inequality only, as Kubernetes). */
export function parseFieldSelector(selector: string | null | undefined): (fields: PodFields) => boolean {
  const terms = (selector ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .map((term) => {
      const m = /^([A-Za-z.]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
      if (!m) throw new SelectorError(`invalid selector: '${term}'; can't understand '${term}'`);
      const [, field, op, value] = m;
      if (!SUPPORTED_FIELDS.has(field)) throw new SelectorError(`field label not supported: ${field}`);
      return { field: field as keyof PodFields, negate: op === '!=', value };
    });
  return (fields) => terms.every((t) => (fields[t.field] === t.value) !== t.negate);
}

const SUPPORTED_FIELDS = new Set([
  'metadata.name',
  'metadata.namespace',
  'status.phase',
  'spec.nodeName',
  'status.podIP',
]);
