import { NavLink } from 'react-router';
import { paths } from '../../app/paths';
import { useI18n } from '../../app/i18n/i18n';
import { PageHeader } from '../../ui/page-header';
import './exports.css';

export function ExportsHeader({ intro }: { intro: string }) {
  const { t } = useI18n();
  const tab = ({ isActive }: { isActive: boolean }) => (isActive ? 'active' : undefined);
  return (
    <>
      <PageHeader title={t('exports.title')} intro={intro} />
      <nav className="tabs" aria-label={t('exports.title')}>
        <NavLink to={paths.statsDocuments} className={tab}>
          {t('exports.nav.documents')}
        </NavLink>
        <NavLink to={paths.statsActions} className={tab}>
          {t('exports.nav.actions')}
        </NavLink>
      </nav>
    </>
  );
}
