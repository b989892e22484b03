import { catalogObjectIds } from '../catalog/catalog-objects';
import type { Catalog } from '../catalog/catalog';
import type { AnyObjectKind } from '../objects/kind';
import { OBJECT_KINDS } from '../objects/registry';
import { catalogOf, column, table, tables } from '../objects/test-support/catalogs';
import { classify, type AnnotationRow, type ObjectRow } from './classify';

const filter = { schemas: null, ignoreTables: [] };

const t = table('t', [{ ...column('id', 'integer'), comment: 'the key' }, column('c', 'integer')], {
  constraints: {
    t_pkey: { name: 't_pkey', type: 'primary', definition: 'PRIMARY KEY (id)', indexComment: 'pk index' },
  },
});
const catalog: Catalog = catalogOf({ schemas: { 'schema:public': { name: 'public' } }, tables: tables(t) });

const rows = {
  table: { classid: 1259, objid: 20000, type: 'table', names: ['public', 't'], args: [] },
  pkey: { classid: 2606, objid: 20001, type: 'table constraint', names: ['public', 't', 't_pkey'], args: [] },
  operator: {
    classid: 2617,
    objid: 20002,
    type: 'operator',
    names: ['public', '==='],
    args: ['integer', 'integer'],
  },
} satisfies Record<string, ObjectRow>;

function annotation(
  part: AnnotationRow['part'],
  on: ObjectRow,
  detail: string,
  extra: Partial<AnnotationRow> = {},
): AnnotationRow {
  return {
    part,
    ...on,
    subid: 0,
    detail,
    owner_classid: null,
    owner_objid: null,
    owner_type: null,
    owner_names: null,
    owner_args: null,
    ...extra,
  };
}

const column_ = (name: string): Partial<AnnotationRow> => ({
  subid: 1,
  type: 'table column',
  names: ['public', 't', name],
});

function run(annotations: AnnotationRow[], kinds: readonly AnyObjectKind[] = OBJECT_KINDS) {
  const found = classify(Object.values(rows), annotations, catalog, catalogObjectIds(catalog), kinds, filter);
  return {
    objects: found.objects.map((row) => `${row.type} ${row.names.join('.')}`),
    annotations: found.annotations.map((row) => `${row.part} on ${row.type} ${row.names.join('.')}`),
  };
}

describe('classify', () => {
  it('reports the objects no kind maps onto a catalog entry', () => {
    expect(run([]).objects).toEqual(['operator public.===']);
  });

  it('compares each comment with the one the kind holds, parts of an object included', () => {
    const pkeyIndex = { type: 'index', names: ['public', 't_pkey'], args: [], classid: 1259, objid: 20003 };
    const implicit = {
      owner_classid: rows.pkey.classid,
      owner_objid: rows.pkey.objid,
      owner_type: rows.pkey.type,
      owner_names: rows.pkey.names,
      owner_args: [],
    };
    expect(
      run([
        annotation('comment', rows.table, 'the key', column_('id')),
        annotation('comment', rows.table, 'not kept', column_('c')),
        annotation('comment', { ...rows.table, ...pkeyIndex }, 'pk index', implicit),
        annotation('comment', { ...rows.table, ...pkeyIndex }, 'changed', implicit),
        annotation('comment', rows.table, 'no table comment'),
        // On an object that is itself reported: the object is named, not its comment.
        annotation('comment', rows.operator, 'equal'),
        // Out of scope (not a user object of the managed schemas).
        annotation('comment', { ...rows.table, objid: 1 }, 'elsewhere'),
      ]).annotations,
    ).toEqual([
      'comment on table column public.t.c',
      'comment on index public.t_pkey',
      'comment on table public.t',
    ]);
  });

  it('reports every ACL while no kind keeps privileges, and what a privileges kind misses', () => {
    const acl = annotation('privileges', rows.table, '{postgres=arwdDxtm/postgres,=r/postgres}');
    const withoutPrivileges = OBJECT_KINDS.filter((kind) => !kind.privilegesOf);
    expect(run([acl], withoutPrivileges).annotations).toEqual(['privileges on table public.t']);
    // The privileges kind reads every table's ACL: an ACL equal to the default has no entry.
    expect(run([acl]).annotations).toEqual([]);
    const keeps = (answer: string | undefined): AnyObjectKind => ({
      name: 'privileges',
      idKind: 'table',
      objects: () => ({}),
      privilegesOf: () => answer,
    });
    expect(run([acl], [...withoutPrivileges, keeps('table:public.t')]).annotations).toEqual([]);
    expect(run([acl], [...withoutPrivileges, keeps(undefined)]).annotations).toEqual([]);
    expect(run([acl], [...withoutPrivileges, keeps('privileges:table:public.t')]).annotations).toEqual([
      'privileges on table public.t',
    ]);
  });

  it('reports every security label', () => {
    expect(run([annotation('security label', rows.table, 'dummy: secret')]).annotations).toEqual([
      'security label on table public.t',
    ]);
  });
});
