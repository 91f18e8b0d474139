import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { ErrorMessage } from '../../ui/error-message';

/** Shown instead of a page that failed to render or to load (a lazy chunk gone after a deploy, for instance). */
export function RouteError() {
  const error = useRouteError();
  const { t } = useI18n();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : String(error);
  return (
    <main className="route-error">
      <ErrorMessage title={t('error.title')} message={message} retryLabel={t('error.retry')} onRetry={() => window.location.reload()} />
    </main>
  );
}
