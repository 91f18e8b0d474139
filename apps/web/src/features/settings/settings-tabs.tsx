import { NavLink } from 'react-router';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n/i18n';
import { paths } from '../../app/paths';
import { PageHeader } from '../../ui/page-header';
import './settings.css';

/** Title and tabs shared by the Paramètres pages: the accountant has the Comptabilité tab only (SPEC matrix). */
export function SettingsHeader({ intro }: { intro: string }) {
  const { t } = useI18n();
  const { profile } = useSession();
  const manages = profile === 'OWNER' || profile === 'ADV';
  const tab = ({ isActive }: { isActive: boolean }) => (isActive ? 'active' : undefined);
  return (
    <>
      <PageHeader title={t('settings.title')} intro={intro} />
      <nav className="tabs" aria-label={t('settings.title')}>
        {manages ? (
          <>
            <NavLink to={paths.settingsUsers} className={tab}>
              {t('settings.tab.users')}
            </NavLink>
            <NavLink to={paths.settingsSubscription} className={tab}>
              {t('settings.tab.subscription')}
            </NavLink>
            <NavLink to={paths.settingsDossier} className={tab}>
              {t('settings.tab.dossier')}
            </NavLink>
          </>
        ) : null}
        {manages || profile === 'ACCOUNTANT' ? (
          <NavLink to={paths.settingsAccounting} className={tab}>
            {t('settings.tab.accounting')}
          </NavLink>
        ) : null}
      </nav>
    </>
  );
}
