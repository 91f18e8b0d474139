import { GraphQLScalarType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage, type ContainerType } from 'type-graphql';

/**
 * One instance per resolver class, as type-graphql's default container keeps them:
 * handed to `buildSchema`, so the direct resolvers below call the very same instances.
 */
export function resolverContainer(): ContainerType {
  const instances = new Map<unknown, unknown>();
  return {
    get(someClass: new () => unknown) {
      let instance = instances.get(someClass);
      if (instance === undefined) instances.set(someClass, (instance = new someClass()));
      return instance;
    },
  } as ContainerType;
}

type Storage = ReturnType<typeof getMetadataStorage>;
type FieldResolverMetadata = Storage['fieldResolvers'][number];
type ParamMetadata = NonNullable<FieldResolverMetadata['params']>[number];

/**
 * The `@FieldResolver` methods of resolver classes that take only `@Root()`, `@Ctx()` and
 * `@Info()` are called directly instead of through type-graphql's handler, which exists for
 * middlewares, `@Authorized` and argument validation (none used here: `plainFieldsResolveByDefault`
 * checks it; authorization is `@auth`, wrapped around every field afterwards by
 * `applyAuthPolicies`). The handler built, on every call (each row's `createdBy`…), a data
 * object, a sorted copy of the parameters and their promises check. The call is the same:
 * the same instance, the parameters in order, the root converted to its declared class as
 * type-graphql converts it. A field this does not recognise keeps type-graphql's handler.
 * Must run on the schema `buildSchema` just returned (its metadata, built for it).
 */
export function callFieldResolversDirectly(schema: GraphQLSchema, container: ContainerType, resolvers: readonly unknown[]): number {
  const storage = getMetadataStorage();
  let direct = 0;
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    // type-graphql's own choice of a field's resolver (schema-generator): the interfaces' fields, then the type's own, the last one winning.
    const chosen = new Map<string, FieldResolverMetadata | undefined>();
    const interfaceFields = storage.interfaceTypes.filter((it) => objectType.interfaceClasses?.includes(it.target)).flatMap((it) => it.fields ?? []);
    for (const field of [...interfaceFields, ...(objectType.fields ?? [])]) {
      chosen.set(
        field.schemaName,
        storage.fieldResolvers.find((it) => (it.kind === 'internal' || resolvers.includes(it.target)) && it.getObjectType?.() === field.target && it.methodName === field.name),
      );
    }
    const fields = type.getFields();
    for (const [name, metadata] of chosen) {
      const field = fields[name];
      const resolve = metadata && field ? directResolver(metadata, container) : null;
      if (!resolve) continue;
      field.resolve = resolve;
      direct++;
    }
  }
  return direct;
}

function directResolver(metadata: FieldResolverMetadata, container: ContainerType): GraphQLFieldResolver<unknown, unknown> | null {
  if (metadata.kind !== 'external' || (metadata.middlewares?.length ?? 0) > 0 || metadata.roles !== undefined) return null;
  const params = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index);
  if (!params.every((p, i) => p.index === i && simpleParam(p))) return null;
  const getters = params.map(paramGetter);
  const instance = (container as { get(someClass: unknown): unknown }).get(metadata.target) as Record<string, (...args: unknown[]) => unknown>;
  const method = instance[metadata.methodName];
  if (typeof method !== 'function') return null;
  if (getters.length === 2) {
    const [first, second] = getters;
    return (root, _args, context, info) => method.call(instance, first(root, context, info), second(root, context, info));
  }
  return (root, _args, context, info) => method.apply(instance, getters.map((get) => get(root, context, info)));
}

function simpleParam(param: ParamMetadata): boolean {
  return param.kind === 'info' || param.kind === 'context' || param.kind === 'root';
}

type Getter = (root: unknown, context: unknown, info: unknown) => unknown;

function paramGetter(param: ParamMetadata): Getter {
  switch (param.kind) {
    case 'info':
      return (_root, _context, info) => info;
    case 'context': {
      const property = param.propertyName;
      return property ? (_root, context) => (context as Record<string, unknown>)[property] : (_root, context) => context;
    }
    case 'root': {
      const property = param.propertyName;
      const getType = param.getType;
      const value: Getter = property ? (root) => (root as Record<string, unknown>)[property] : (root) => root;
      if (!getType) return value;
      let target: unknown;
      return (root, context, info) => convertToType((target ??= getType()), value(root, context, info));
    }
    default:
      throw new Error(`unreachable: ${param.kind}`);
  }
}

const SIMPLE_TYPES: unknown[] = [String, Boolean, Number, Date, Array, Promise];

/** type-graphql's `convertToType` (helpers/types), which its package does not export. */
function convertToType(target: unknown, data: unknown): unknown {
  if (data === null || data === undefined) return data;
  if (target instanceof GraphQLScalarType) return data;
  if (SIMPLE_TYPES.includes((data as object).constructor)) return data;
  const Target = target as new () => Record<string, unknown>;
  if (data instanceof Target) return data;
  if (Array.isArray(data)) return data.map((item) => convertToType(target, item));
  const instance = new Target();
  for (const key of Object.keys(instance)) {
    if (instance[key] === undefined && !(key in (data as object))) delete instance[key];
  }
  return Object.assign(instance, data);
}
