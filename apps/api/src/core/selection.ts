import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Names of the fields the query selects under `path` (e.g. `['nodes']`) below the
 * current field, through fragments. Lets a list resolver load, in one batch, the
 * relations the page will show, instead of leaving it to loaders whose batches
 * depend on when each field resolver happens to run.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
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
