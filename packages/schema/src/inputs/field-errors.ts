import type { z } from 'zod';
import type { FieldErrorReason } from './fields';

/**
 * One refused field of an input: its path from the argument (`input.lines.3.quantity`),
 * a stable machine-readable reason (the SPA words it in French), an English message,
 * and the bounds that matter (`max`, `min`, `allowed`, …).
 */
export interface FieldError {
  path: string;
  reason: FieldErrorReason;
  message: string;
  [param: string]: unknown;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function reasonOf(issue: z.core.$ZodIssue, value: unknown): FieldErrorReason {
  switch (issue.code) {
    case 'custom': {
      const reason = (issue.params as { reason?: FieldErrorReason } | undefined)?.reason;
      return reason ?? 'INVALID_FORMAT';
    }
    case 'invalid_type':
      return value === undefined || value === null ? 'REQUIRED' : 'INVALID_TYPE';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'REQUIRED' : 'TOO_SHORT';
      return issue.origin === 'array' || issue.origin === 'set' ? 'TOO_FEW' : 'TOO_SMALL';
    case 'too_big':
      if (issue.origin === 'string') return 'TOO_LONG';
      return issue.origin === 'array' || issue.origin === 'set' ? 'TOO_MANY' : 'TOO_BIG';
    case 'invalid_format':
      return issue.format === 'email' ? 'INVALID_EMAIL' : 'INVALID_FORMAT';
    case 'invalid_value':
      return 'NOT_ALLOWED';
    case 'unrecognized_keys':
      return 'UNKNOWN_FIELD';
    default:
      return 'INVALID_FORMAT';
  }
}

function paramsOf(issue: z.core.$ZodIssue): Record<string, unknown> {
  if (issue.code === 'custom') {
    const { reason: _reason, ...rest } = (issue.params ?? {}) as Record<string, unknown>;
    return rest;
  }
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  if (issue.code === 'too_small') return { min: Number(issue.minimum) };
  if (issue.code === 'invalid_value') return { allowed: issue.values };
  return {};
}

/** Every refused field of `data` (the arguments as received), paths joined with dots. */
export function fieldErrors(error: z.ZodError, data: unknown): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    reason: reasonOf(issue, valueAt(data, issue.path)),
    message: issue.message,
    ...paramsOf(issue),
  }));
}

/** Field errors by path (the first per path), for a form to show beside each field. */
export function fieldErrorMap(errors: readonly FieldError[]): Record<string, FieldError> {
  const map: Record<string, FieldError> = {};
  for (const e of errors) map[e.path] ??= e;
  return map;
}
