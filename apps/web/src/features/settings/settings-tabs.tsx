import { NavLink } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { paths } from '../../app/paths';
import { PageHeader } from '../../ui/page-header';
import './settings.css';

/** Title and tabs shared by the Paramètres pages. */
export function SettingsHeader({ intro }: { intro: string }) {
  const { t } = useI18n();
  const tab = ({ isActive }: { isActive: boolean }) => (isActive ? 'active' : undefined);
  return (
    <>
      <PageHeader title={t('settings.title')} intro={intro} />
      <nav className="tabs" aria-label={t('settings.title')}>
        <NavLink to={paths.settingsUsers} className={tab}>
          {t('settings.tab.users')}
        </NavLink>
        <NavLink to={paths.settingsSubscription} className={tab}>
          {t('settings.tab.subscription')}
        </NavLink>
        <NavLink to={paths.settingsDossier} className={tab}>
          {t('settings.tab.dossier')}
        </NavLink>
      </nav>
    </>
  );
}
