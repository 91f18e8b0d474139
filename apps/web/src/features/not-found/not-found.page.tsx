import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { PageHeader } from '../../ui/page-header';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('notFound.title')} intro={t('notFound.body')} />
      <Link className="button" to="/">
        {t('notFound.back')}
      </Link>
    </>
  );
}
