import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { fieldErrors, type FieldError } from '@comptoir/schema';
import type { I18n } from '../app/i18n/i18n';

/** The French (or English) words of a refused field's reason. */
export function reasonText(i18n: Pick<I18n, 't'>, error: Pick<FieldError, 'reason'>): string {
  return i18n.t(`error.reason.${error.reason}`);
}

/** `input.contactEmail` → `contactEmail`; `rename` maps an input's name to the form's (`salePriceCents` → `salePrice`). */
function formField(path: string, rename: Record<string, string>): string {
  const name = path.replace(/^input\./, '');
  return rename[name] ?? name;
}

/** A shared zod input schema (`@comptoir/schema`), as far as a form needs it. */
interface InputSchema {
  safeParse(input: unknown): { success: true } | { success: false; error: Parameters<typeof fieldErrors>[0] };
}

/**
 * Every field `input` gets refused for by the shared zod schema, the one the API
 * validates with: by form field, in words, all at once (not the first only).
 */
export function schemaErrors(i18n: Pick<I18n, 't'>, schema: InputSchema, input: unknown, rename: Record<string, string> = {}): Record<string, string> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const e of fieldErrors(parsed.error, input)) errors[formField(e.path, rename)] ??= reasonText(i18n, e);
  return errors;
}

/** The fields a BAD_USER_INPUT answer refused (`extensions.fields`), by form field; null for any other error. */
export function serverFieldErrors(i18n: Pick<I18n, 't'>, error: unknown, rename: Record<string, string> = {}): Record<string, string> | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const ext = error.errors[0]?.extensions as { code?: string; fields?: FieldError[] } | undefined;
  if (ext?.code !== 'BAD_USER_INPUT' || !Array.isArray(ext.fields) || ext.fields.length === 0) return null;
  const errors: Record<string, string> = {};
  for (const e of ext.fields) errors[formField(e.path, rename)] ??= reasonText(i18n, e);
  return errors;
}
