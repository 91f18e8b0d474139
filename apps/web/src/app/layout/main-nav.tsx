import { NavLink as MantineNavLink } from '@mantine/core';
import { NavLink } from 'react-router';
import { useSession } from '../auth';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { paths } from '../paths';
import { documentsNav } from '../../features/documents/routes';


export function MainNav() {
  const { t } = useI18n();
  const session = useSession();
  const canManage = session.profile === 'OWNER' || session.profile === 'ADV';
  const item = (to: string, label: MessageKey, end = false) => (
    <li key={to}>
      <MantineNavLink component={NavLink} to={to} end={end} label={t(label)} className="nav-link" />
    </li>
  );
  return (
    <nav className="shell-nav" aria-label={t('nav.label')}>
      <ul>
        {item(paths.home, 'nav.home', true)}
        {documentsNav
          .filter((entry) => session.profile !== null && entry.profiles.includes(session.profile))
          .map((entry) => item(entry.to, entry.label))}
        {canManage || session.profile === 'ACCOUNTANT' ? item(paths.accounting, 'nav.accounting') : null}
        {canManage ? item(paths.stats, 'nav.stats') : null}
        {canManage ? item(paths.settings, 'nav.settings') : null}
        {session.profile === 'ACCOUNTANT' ? item(paths.settingsAccounting, 'nav.settings') : null}
        {session.profile !== null ? item(paths.support, 'nav.support') : null}
      </ul>
      <p className="nav-section">{t('nav.developers')}</p>
      <ul>
        {item(paths.playground, 'nav.playground')}
        {item(paths.status, 'nav.status')}
        {session.isSupport ? item(paths.admin, 'nav.admin') : null}
      </ul>
    </nav>
  );
}
