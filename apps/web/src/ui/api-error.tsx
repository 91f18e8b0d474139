import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { ErrorCode } from '@comptoir/schema';
import { errorMessageKey, retryAfterMinutes } from '../app/errors';
import { useI18n, type MessageKey } from '../app/i18n/i18n';

/** The French (or English) sentence for a failed operation: from its code and reason, never the server's English `message`. */
export function ApiError({ error, overrides }: { error: unknown; overrides?: Partial<Record<ErrorCode, MessageKey>> }) {
  const { t } = useI18n();
  if (!error) return null;
  const first = CombinedGraphQLErrors.is(error) ? error.errors[0] : undefined;
  const code = first?.extensions?.code;
  const retry = code === 'TOO_MANY_ATTEMPTS' ? retryAfterMinutes(error) : null;
  const detail = retry ? t('error.retryIn', { minutes: retry }) : undefined;
  return (
    <div className="error-message" role="alert" data-code={typeof code === 'string' ? code : undefined}>
      <p className="error-title">{t(errorMessageKey(error, overrides))}</p>
      {detail ? <p className="muted">{detail}</p> : null}
    </div>
  );
}

/** The input path the server named in a BAD_USER_INPUT error (`input.siret`), if any. */
export function errorField(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const field = error.errors[0]?.extensions?.field;
  return typeof field === 'string' ? field : null;
}
