import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';

export const MAX_QUERY_DEPTH = 12;
export const MAX_QUERY_COST = 20_000;
/** Largest page any list field serves; `first` above it is refused by the field itself. */
export const MAX_PAGE_SIZE = 200;
const DEFAULT_LIST_MULTIPLIER = 20;

function depthOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  if (!selectionSet) return 0;
  let max = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      max = Math.max(max, 1 + depthOf(selection.selectionSet, fragments, seen));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      if (seen.has(name) || !fragments[name]) continue;
      max = Math.max(max, depthOf(fragments[name].selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return max;
}

/** Refuses operations nested deeper than `max` fields (introspection excepted). */
export function depthLimitRule(max = MAX_QUERY_DEPTH) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    }
    return {
      OperationDefinition(node: OperationDefinitionNode) {
        const depth = depthOf(node.selectionSet, fragments, new Set());
        if (depth > max) {
          context.reportError(
            new GraphQLError(`Query is nested ${depth} levels deep; the limit is ${max}`, {
              nodes: [node],
              extensions: { code: 'BAD_USER_INPUT' },
            }),
          );
        }
      },
    };
  };
}

function numericArg(value: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!value) return null;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : null;
  }
  return null;
}

/**
 * Estimated cost: one per field, children multiplied by the page size asked
 * (`first`/`limit`) of the field above them. Cheap to compute, and enough to refuse
 * a query that would fan out into millions of resolutions.
 */
function costOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  seen: Set<string>,
): number {
  if (!selectionSet) return 0;
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const pageArg = selection.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'limit');
      const multiplier = pageArg ? (numericArg(pageArg.value, variables) ?? DEFAULT_LIST_MULTIPLIER) : 1;
      total += 1 + multiplier * costOf(selection.selectionSet, fragments, variables, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      total += costOf(selection.selectionSet, fragments, variables, seen);
    } else {
      const name = selection.name.value;
      if (seen.has(name) || !fragments[name]) continue;
      total += costOf(fragments[name].selectionSet, fragments, variables, new Set([...seen, name]));
    }
  }
  return total;
}

export function complexityLimitPlugin(max = MAX_QUERY_COST): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const def of document.definitions) {
            if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
          }
          const cost = costOf(operation.selectionSet, fragments, request.variables ?? {}, new Set());
          if (cost > max) {
            throw new GraphQLError(`Query is too complex (estimated cost ${cost}, limit ${max})`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
