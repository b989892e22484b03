import type { Change } from '../diff/change.js';

/** `add_loyalty_points` from a user's --name; letters, digits and underscores only. */
export function sanitizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
}

/** A name from the changes when none is given: `initial`, `create_orders`, `add_users_email`, ... */
export function deriveName(changes: Change[], firstMigration: boolean): string {
  if (firstMigration) return 'initial';
  const first = changes.find((change) => !change.reason) ?? changes[0];
  if (!first) return 'changes';
  const kind = first.object.slice(0, first.object.indexOf(':'));
  const identity = first.object.slice(first.object.indexOf(':') + 1).replace(/^public\./, '');
  const verb = {
    create: kind === 'column' ? 'add' : 'create',
    drop: 'drop',
    alter: 'alter',
    rename: 'rename',
  }[first.action];
  const base = sanitizeName(`${verb}_${identity.replace(/\(.*$/, '')}`);
  return changes.length > 1 ? sanitizeName(`${base}_and_more`) : base;
}
