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

/** The registry's reason of a zod issue (custom checks name theirs in `params.reason`). */
function reasonOf(issue: z.core.$ZodIssue, value: unknown): FieldErrorReason {
  const last = String(issue.path[issue.path.length - 1] ?? '');
  switch (issue.code) {
    case 'custom':
      return (issue.params as { reason?: FieldErrorReason } | undefined)?.reason ?? 'INVALID_TEXT';
    case 'invalid_type':
      if (value === undefined || value === null) return 'REQUIRED';
      return issue.expected === 'number' || issue.expected === 'int' ? 'INVALID_NUMBER' : issue.expected === 'string' ? 'INVALID_TEXT' : 'INVALID_CHOICE';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'REQUIRED' : 'TOO_SHORT';
      if (issue.origin === 'array') return last === 'columns' ? 'NO_COLUMN' : 'REQUIRED';
      return 'OUT_OF_RANGE';
    case 'too_big':
      if (issue.origin === 'string') return 'TOO_LONG';
      if (issue.origin === 'array') return last === 'columns' ? 'TOO_MANY_COLUMNS' : 'TOO_MANY_LINES';
      return 'OUT_OF_RANGE';
    case 'invalid_format':
      return issue.format === 'email' ? 'INVALID_EMAIL' : 'INVALID_TEXT';
    case 'invalid_value':
    case 'unrecognized_keys':
      return 'INVALID_CHOICE';
    default:
      return 'INVALID_TEXT';
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
