import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { errorCode, errorMessageKey, errorReason } from '../../app/errors';
import type { I18n, MessageKey } from '../../app/i18n/i18n';

/** What a CONFLICT on a stale version says: who changed the record, when, and its version. */
export interface ConflictInfo {
  currentVersion: number | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

export function firstExtensions(error: unknown): Record<string, unknown> | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  return (error.errors[0]?.extensions as Record<string, unknown> | undefined) ?? null;
}

/** The CONFLICT details of a failed update, or null when it is another error. */
export function conflictOf(error: unknown): ConflictInfo | null {
  if (errorCode(error) !== 'CONFLICT') return null;
  const ext = firstExtensions(error) ?? {};
  return {
    currentVersion: typeof ext.currentVersion === 'number' ? ext.currentVersion : null,
    updatedBy: typeof ext.updatedBy === 'string' ? ext.updatedBy : null,
    updatedAt: typeof ext.updatedAt === 'string' ? ext.updatedAt : null,
  };
}

/** `input.lines.3.quantity` → `Ligne 4 · Quantité`; `input.legalName` → `Raison sociale`. */
export function fieldLabel(i18n: I18n, path: string): string {
  const parts = path.replace(/^input\./, '').split('.');
  const fieldName = (name: string) => {
    const key = `field.${name}` as MessageKey;
    const text = i18n.t(key);
    return text === key ? name : text;
  };
  if (parts[0] === 'lines' && parts.length >= 2 && /^\d+$/.test(parts[1])) {
    const line = i18n.t('history.line', { n: Number(parts[1]) + 1 });
    return parts.length > 2 ? `${line} · ${fieldName(parts[2])}` : line;
  }
  return fieldName(parts[parts.length - 1]);
}

/**
 * The French (or English) sentence for a failed operation: the message of its
 * code, with the field named for BAD_USER_INPUT, and who changed what for CONFLICT.
 * `remapField` turns the server's input path into the one the user sees (a sent
 * line's index into the document's line number).
 */
export function errorText(i18n: I18n, error: unknown, remapField: (path: string) => string = (path) => path): string {
  const code = errorCode(error);
  const base = i18n.t(errorMessageKey(error));
  const ext = firstExtensions(error);
  if (code === 'BAD_USER_INPUT' && ext && typeof ext.field === 'string') {
    return i18n.t('error.field', { field: fieldLabel(i18n, remapField(ext.field)), message: base });
  }
  if (code === 'CONFLICT' && !errorReason(error) && ext && typeof ext.currentStatus === 'string' && typeof ext.updatedBy !== 'string') {
    return i18n.t('error.conflict.status');
  }
  return base;
}

/**
 * The notice after a failed save of a record: who changed it meanwhile on CONFLICT,
 * the French message of the error code otherwise.
 */
export function saveFailureNotice(i18n: I18n, error: unknown): { tone: 'warning'; text: string } {
  const conflict = conflictOf(error);
  return {
    tone: 'warning',
    text:
      conflict && conflict.updatedBy
        ? i18n.t('conflict.body', { name: conflict.updatedBy, date: conflict.updatedAt ? i18n.formatDateTime(conflict.updatedAt) : '' })
        : errorText(i18n, error),
  };
}
