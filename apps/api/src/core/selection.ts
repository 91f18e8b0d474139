import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

interface Remembered {
  fieldNodes: readonly FieldNode[];
  path: string;
  fields: ReadonlySet<string>;
}

/** By the first node of the field: a parsed query is kept and run again (Apollo's document store, compiled queries). */
const remembered = new WeakMap<FieldNode, Remembered[]>();

/**
 * Names of the fields the query selects under `path` (e.g. `['nodes']`) below the
 * current field, through fragments. Lets a list resolver load, in one batch, the
 * relations the page will show, instead of leaving it to loaders whose batches
 * depend on when each field resolver happens to run, and read only the columns
 * those fields show. `@skip` / `@include` are not applied: a field they leave out
 * is still named (its data is read, never shown).
 *
 * Remembered per field nodes and path: a query text runs many times on the same
 * parsed document, and the answer depends only on its nodes (the same nodes, the
 * same fragments). The set returned is shared: do not change it.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): ReadonlySet<string> {
  const nodes = info.fieldNodes;
  const key = path.join('.');
  const known = remembered.get(nodes[0]);
  const hit = known?.find((r) => r.path === key && r.fieldNodes.length === nodes.length && r.fieldNodes.every((n, i) => n === nodes[i]));
  if (hit) return hit.fields;
  const fields = collect(info, path);
  // A handful per field node at most (one per path asked and merge of the same field).
  if (known && known.length < 8) known.push({ fieldNodes: [...nodes], path: key, fields });
  else if (!known) remembered.set(nodes[0], [{ fieldNodes: [...nodes], path: key, fields }]);
  return fields;
}

function collect(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  for (const name of path) sets = sets.flatMap((set) => fieldsOf(info, set).filter((f) => f.name === name && f.set).map((f) => f.set!));
  return new Set(sets.flatMap((set) => fieldsOf(info, set).map((f) => f.name)));
}

function fieldsOf(info: GraphQLResolveInfo, set: SelectionSetNode): { name: string; set?: SelectionSetNode }[] {
  return set.selections.flatMap((s) => {
    if (s.kind === 'Field') return [{ name: s.name.value, set: s.selectionSet }];
    if (s.kind === 'InlineFragment') return fieldsOf(info, s.selectionSet);
    const fragment = info.fragments[s.name.value];
    return fragment ? fieldsOf(info, fragment.selectionSet) : [];
  });
}
