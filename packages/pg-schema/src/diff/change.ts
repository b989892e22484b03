/** One difference between the current and the desired schema, for people and for JSON output. */
export interface Change {
  action: 'create' | 'drop' | 'alter' | 'rename';
  /** Object id, e.g. `column:public.users.email`. */
  object: string;
  /** For alter: which attribute changed, e.g. `type`, `default`, `definition`. */
  attribute?: string;
  before?: unknown;
  after?: unknown;
  /** Why an unchanged object is dropped and recreated (a dependency changed). */
  reason?: string;
}

/** `+ table public.users`, `~ column public.users.age type: integer -> bigint`. */
export function describeChange(change: Change): string {
  const sign = { create: '+', drop: '-', alter: '~', rename: '>' }[change.action];
  const [kind, identity] = [
    change.object.slice(0, change.object.indexOf(':')),
    change.object.slice(change.object.indexOf(':') + 1),
  ];
  let text = `${sign} ${kind} ${identity}`;
  if (change.action === 'rename') text += ` (from ${String(change.before)})`;
  if (change.attribute)
    text += ` ${change.attribute}${change.before !== undefined || change.after !== undefined ? `: ${short(change.before)} -> ${short(change.after)}` : ''}`;
  if (change.reason) text += ` (${change.reason})`;
  return text;
}

function short(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine;
}
