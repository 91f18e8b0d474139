import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { ErrorCode, fieldErrors, OPERATION_ARGS, type FieldError } from '@comptoir/schema';
import type { z } from 'zod';
import { AppError } from './errors';

/**
 * Every argument of every root field is validated by its zod schema from
 * `@comptoir/schema` (the SPA's forms use the same ones) before any resolver or
 * service runs. Deny by default: building the schema fails when a root field
 * takes arguments and has no schema, or when a schema and its GraphQL arguments
 * (input types included, field by field) do not name the same fields.
 */

type ArgsSchema = (typeof OPERATION_ARGS)[keyof typeof OPERATION_ARGS];
const SCHEMAS: Readonly<Record<string, ArgsSchema>> = OPERATION_ARGS;

/** BAD_USER_INPUT naming every refused field at once (`fields`); `field` is the first, as before. */
export function invalidInput(errors: readonly FieldError[]): AppError {
  const summary = errors
    .slice(0, 5)
    .map((e) => `${e.path}: ${e.message}`)
    .join('; ');
  return new AppError(ErrorCode.BAD_USER_INPUT, errors[0]?.reason ?? 'INVALID_TEXT', `Invalid input: ${summary}${errors.length > 5 ? `; and ${errors.length - 5} more` : ''}`, {
    field: errors[0]?.path,
    fields: errors,
  });
}

/** The zod object behind optional/nullable/array wrappers, or null for a leaf. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  let current: z.ZodType = schema;
  for (let i = 0; i < 10; i++) {
    const def = current.def as { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> };
    if (def.type === 'object') return def.shape ?? null;
    if (def.innerType) current = def.innerType;
    else if (def.element) current = def.element;
    else return null;
  }
  return null;
}

/** Differences between a zod object's fields and a GraphQL argument list / input type, recursively. */
function compareFields(where: string, shape: Record<string, z.ZodType>, fields: Record<string, GraphQLInputType>, problems: string[]): void {
  const zodKeys = Object.keys(shape).sort();
  const gqlKeys = Object.keys(fields).sort();
  for (const k of gqlKeys) if (!zodKeys.includes(k)) problems.push(`${where}.${k} has no zod schema`);
  for (const k of zodKeys) if (!gqlKeys.includes(k)) problems.push(`${where}.${k} is in the zod schema but not in GraphQL`);
  for (const k of gqlKeys) {
    if (!shape[k]) continue;
    const type = fields[k];
    let inner: GraphQLInputType = getNullableType(type) as GraphQLInputType;
    while (isListType(inner) || isNonNullType(inner)) inner = (isListType(inner) ? inner.ofType : getNullableType(inner)) as GraphQLInputType;
    const named = getNamedType(inner);
    if (isInputObjectType(named)) {
      const nested = objectShape(shape[k]);
      if (!nested) {
        problems.push(`${where}.${k} (${named.name}) is not validated field by field`);
        continue;
      }
      compareFields(`${where}.${k}`, nested, Object.fromEntries(Object.values(named.getFields()).map((f) => [f.name, f.type])), problems);
    }
  }
}

/** Problems of coverage: root fields with arguments and no schema, fields that disagree. Empty when covered. */
export function inputSchemaProblems(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields()) as GraphQLField<unknown, unknown>[]) {
      if (field.args.length === 0) continue;
      const argsSchema = SCHEMAS[field.name];
      if (!argsSchema) {
        problems.push(`${root.name}.${field.name} takes arguments but has no zod schema in OPERATION_ARGS`);
        continue;
      }
      compareFields(`${root.name}.${field.name}`, objectShape(argsSchema) ?? {}, Object.fromEntries(field.args.map((a) => [a.name, a.type])), problems);
    }
  }
  return problems;
}

/** Wraps every root field that takes arguments: its zod schema first, then the resolver. */
export function applyInputValidation(schema: GraphQLSchema): GraphQLSchema {
  const problems = inputSchemaProblems(schema);
  if (problems.length > 0) throw new Error(`Inputs without a matching zod schema (deny by default):\n- ${problems.join('\n- ')}`);
  return mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (fieldConfig, fieldName) => {
      if (!fieldConfig.args || Object.keys(fieldConfig.args).length === 0) return fieldConfig;
      const argsSchema = SCHEMAS[fieldName];
      const resolve = fieldConfig.resolve;
      if (!resolve) return fieldConfig;
      const check = (args: Record<string, unknown>) => {
        const result = argsSchema.safeParse(args);
        if (!result.success) throw invalidInput(fieldErrors(result.error, args));
      };
      const subscribe = fieldConfig.subscribe;
      return {
        ...fieldConfig,
        resolve(source, args, ctx, info) {
          check(args);
          return resolve(source, args, ctx, info);
        },
        // Subscriptions: checked once, when they start.
        ...(subscribe
          ? {
              subscribe(source: unknown, args: Record<string, unknown>, ctx: unknown, info: Parameters<typeof subscribe>[3]) {
                check(args);
                return subscribe(source, args, ctx, info);
              },
            }
          : {}),
      };
    },
  });
}
