'use strict';
/**
 * The generated schema of the diff workload as plain data: `schemaSpec(n, 'before' | 'after')`.
 * Rendered to SQL (sql.js) for our engine, migra and the floor, and to drizzle-kit snapshots
 * (drizzle.js). The 13 changes between before and after are listed in CHANGES; they touch tables
 * 0-9, so every size (10 and up) carries the same change set.
 */

const ENUMS = {
  status_t: ['draft', 'active', 'suspended', 'deleted'],
  priority_t: ['low', 'normal', 'high'],
};

/** What the after state changes, one line per change (printed in the report). */
const CHANGES = [
  'add column t_0001.note',
  'drop column t_0002.legacy_code',
  'type change t_0003.qty integer -> bigint',
  'new index on t_0004 (name, created_at DESC)',
  'new partial expression index on t_0005 (lower(legacy_code)) WHERE legacy_code IS NOT NULL',
  "enum value status_t 'archived' BEFORE 'deleted'",
  'new table t_new with an FK to t_0000, an identity column (START 1000 INCREMENT 5), an index and a comment',
  'dropped view v_0000',
  'changed function fn_total_0000 (body)',
  'changed table comment on t_0006',
  'new column comment on t_0007.name',
  'changed default t_0008.qty 0 -> 1',
  'changed identity option t_0009.id INCREMENT BY 1 -> 10',
];

const pad = (i) => String(i).padStart(4, '0');
const tableName = (i) => `t_${pad(i)}`;

function column(name, type, extra = {}) {
  return { name, type, notNull: false, ...extra };
}

/** One generated table; `after` applies the change set where it touches this table. */
function tableSpec(i, after) {
  const name = tableName(i);
  const identity = {
    kind: i % 2 === 0 ? 'always' : 'byDefault',
    start: i % 2 === 0 ? 1 : 100,
    increment: after && i === 9 ? 10 : 1,
  };
  const columns = [
    column('id', 'bigint', { notNull: true, primaryKey: true, identity }),
    column('parent_id', 'bigint'),
    column('name', 'text', { notNull: true, comment: after && i === 7 ? 'Display name' : undefined }),
    column('status', 'status_t', { notNull: true, default: "'draft'", enumType: true }),
    column('qty', after && i === 3 ? 'bigint' : 'integer', {
      notNull: true,
      default: after && i === 8 ? '1' : '0',
    }),
    column('amount', 'numeric(12,2)'),
  ];
  if (!(after && i === 2)) columns.push(column('legacy_code', 'varchar(32)'));
  columns.push(
    column('payload', 'jsonb', { notNull: true, default: "'{}'::jsonb" }),
    column('created_at', 'timestamptz', { notNull: true, default: 'now()' }),
    column('updated_at', 'timestamptz', { notNull: true, default: 'now()' }),
  );
  if (i % 2 === 1) columns.push(column('priority', 'priority_t', { enumType: true }));
  if (after && i === 1) columns.push(column('note', 'text'));

  const indexes = [{ name: `${name}_parent_id_idx`, columns: ['parent_id'] }];
  if (i % 3 === 0)
    indexes.push({ name: `${name}_active_idx`, columns: ['created_at'], where: "status = 'active'" });
  if (i % 4 === 0) indexes.push({ name: `${name}_lower_name_idx`, expressions: ['lower(name)'] });
  if (i % 5 === 0) indexes.push({ name: `${name}_name_key`, columns: ['name'], unique: true });
  if (after && i === 4) {
    indexes.push({ name: `${name}_name_created_idx`, columns: ['name', 'created_at DESC'] });
  }
  if (after && i === 5) {
    indexes.push({
      name: `${name}_legacy_lower_idx`,
      expressions: ['lower((legacy_code)::text)'],
      where: 'legacy_code IS NOT NULL',
    });
  }
  return {
    name,
    columns,
    checks: [{ name: `${name}_qty_check`, expression: 'qty >= 0' }],
    foreignKeys:
      i === 0
        ? []
        : [
            {
              name: `${name}_parent_id_fkey`,
              columns: ['parent_id'],
              references: tableName(Math.floor((i - 1) / 2)),
              refColumns: ['id'],
              onDelete: 'cascade',
            },
          ],
    indexes,
    comment: after && i === 6 ? `Table ${i} (renamed purpose)` : `Table ${i} of the generated schema`,
    trigger: i % 5 === 0,
    view: i % 10 === 0 && !(after && i === 0) ? `v_${pad(i)}` : undefined,
    parentForView: i === 0 ? undefined : tableName(Math.floor((i - 1) / 2)),
    totalFunction: i % 10 === 0 ? `fn_total_${pad(i)}` : undefined,
  };
}

/** The table the change set adds. */
function newTableSpec() {
  return {
    name: 't_new',
    columns: [
      column('id', 'bigint', {
        notNull: true,
        primaryKey: true,
        identity: { kind: 'always', start: 1000, increment: 5 },
      }),
      column('t_0000_id', 'bigint', { notNull: true }),
      column('label', 'text', { notNull: true }),
      column('status', 'status_t', { notNull: true, default: "'active'", enumType: true }),
    ],
    checks: [],
    foreignKeys: [
      {
        name: 't_new_t_0000_id_fkey',
        columns: ['t_0000_id'],
        references: 't_0000',
        refColumns: ['id'],
        onDelete: 'restrict',
      },
    ],
    indexes: [{ name: 't_new_t_0000_id_idx', columns: ['t_0000_id'] }],
    comment: 'Added by the change set',
    trigger: false,
  };
}

function schemaSpec(tableCount, state) {
  if (tableCount < 10) throw new Error('the change set needs at least 10 tables');
  const after = state === 'after';
  const tables = [];
  for (let i = 0; i < tableCount; i++) tables.push(tableSpec(i, after));
  if (after) tables.push(newTableSpec());
  const enums = { ...ENUMS };
  if (after) enums.status_t = ['draft', 'active', 'suspended', 'archived', 'deleted'];
  return { tableCount, state, enums, tables, changedTotalFunction: after ? 'fn_total_0000' : undefined };
}

module.exports = { schemaSpec, CHANGES, tableName };
