import { useI18n } from '../../app/i18n/i18n';
import { PageHeader } from '../../ui/page-header';
import { ServerHealth } from '../health/server-health';

export default function HomePage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('home.title')} intro={t('home.intro')} />
      <p className="muted">{t('home.next')}</p>
      <ServerHealth />
    </>
  );
}
