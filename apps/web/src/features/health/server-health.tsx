import { useI18n } from '../../app/i18n/i18n';
import { errorMessageKey } from '../../app/errors';
import { Card } from '../../ui/card';
import { ErrorMessage } from '../../ui/error-message';
import { Loading } from '../../ui/loading';
import { HealthSummary } from './health-summary';
import { useServerHealth } from './use-server-health';

/** A card with the server's health: used on the home page and the status page. */
export function ServerHealth() {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useServerHealth();
  const refresh = () => void refetch().catch(() => undefined);

  return (
    <Card
      title={t('health.title')}
      actions={
        <button type="button" className="button button-secondary" onClick={refresh} disabled={loading}>
          {t('health.refresh')}
        </button>
      }
    >
      {data?.health ? (
        <HealthSummary health={data.health} />
      ) : error ? (
        <ErrorMessage title={t('health.unreachable')} message={t(errorMessageKey(error))} retryLabel={t('error.retry')} onRetry={refresh} />
      ) : (
        <Loading label={t('health.loading')} />
      )}
    </Card>
  );
}
