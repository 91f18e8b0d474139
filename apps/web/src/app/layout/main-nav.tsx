import { NavLink as MantineNavLink, Text } from '@mantine/core';
import { NavLink } from 'react-router';
import { useSession } from '../auth';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { paths } from '../paths';
import { documentsNav } from '../../features/documents/routes';

// Business functions shown before they exist, so the shell already has its final shape.
const UPCOMING: MessageKey[] = [
  'nav.accounting',
  'nav.support',
];

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
        {UPCOMING.map((key) => (
          <li key={key}>
            <MantineNavLink component="span" aria-disabled="true" disabled label={t(key)} rightSection={<Text span size="xs" tt="uppercase">{t('nav.soon')}</Text>} />
          </li>
        ))}
        {canManage ? item(paths.stats, 'nav.stats') : null}
        {canManage ? item(paths.settings, 'nav.settings') : null}
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
