import { useI18n } from '../../app/i18n/i18n';
import { PageHeader } from '../../ui/page-header';
import { ServerHealth } from './server-health';

export default function StatusPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('status.title')} intro={t('status.intro')} />
      <ServerHealth />
    </>
  );
}
