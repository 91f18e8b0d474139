import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { useI18n } from '../../app/i18n/i18n';
import { StatusBadge } from '../../ui/status-badge';

// The fields this component shows; queries spread it, so it asks for what it renders.
export const HealthSummaryFragment = graphql(`
  fragment HealthSummary_health on Health {
    status
    version
    database
    time
  }
`);

export function HealthSummary(props: { health: FragmentType<typeof HealthSummaryFragment> }) {
  const { t, formatDateTime } = useI18n();
  const health = getFragmentData(HealthSummaryFragment, props.health);
  const ok = health.status === 'ok';
  return (
    <dl className="facts">
      <div>
        <dt>{t('health.status')}</dt>
        <dd data-testid="health-status" data-status={health.status}>
          <StatusBadge tone={ok ? 'success' : 'warning'}>{t(ok ? 'health.ok' : 'health.degraded')}</StatusBadge>{' '}
          <code className="muted">{health.status}</code>
        </dd>
      </div>
      <div>
        <dt>{t('health.version')}</dt>
        <dd data-testid="health-version">{health.version}</dd>
      </div>
      <div>
        <dt>{t('health.database')}</dt>
        <dd>{health.database}</dd>
      </div>
      <div>
        <dt>{t('health.time')}</dt>
        <dd>
          <time dateTime={health.time}>{formatDateTime(health.time)}</time>
        </dd>
      </div>
    </dl>
  );
}
