import { isRouteErrorResponse, useRouteError } from 'react-router';
import { errorMessageKey } from '../errors';
import { useI18n } from '../i18n/i18n';
import { ErrorMessage } from '../../ui/error-message';

/** Shown instead of a page that failed to render or to load (a lazy chunk gone after a deploy, for instance). */
export function RouteError() {
  const error = useRouteError();
  const { t } = useI18n();
  // Never the error's own (English, technical) text: the sentence of its code, the detail in the console.
  if (!isRouteErrorResponse(error)) console.error(error);
  const message = isRouteErrorResponse(error) && error.status === 404 ? t('error.code.NOT_FOUND') : t(errorMessageKey(error));
  return (
    <main className="route-error">
      <ErrorMessage title={t('error.title')} message={message} retryLabel={t('error.retry')} onRetry={() => window.location.reload()} />
    </main>
  );
}
