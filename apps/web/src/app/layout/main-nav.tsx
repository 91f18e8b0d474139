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
  const linkClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav-link active' : 'nav-link');
  return (
    <nav className="shell-nav" aria-label={t('nav.label')}>
      <ul>
        <li>
          <NavLink to={paths.home} end className={linkClass}>
            {t('nav.home')}
          </NavLink>
        </li>
        {documentsNav
          .filter((entry) => session.profile !== null && entry.profiles.includes(session.profile))
          .map((entry) => (
            <li key={entry.to}>
              <NavLink to={entry.to} className={linkClass}>
                {t(entry.label)}
              </NavLink>
            </li>
          ))}
        {UPCOMING.map((key) => (
          <li key={key}>
            <span className="nav-link disabled" aria-disabled="true">
              {t(key)} <small>{t('nav.soon')}</small>
            </span>
          </li>
        ))}
        {session.profile === 'OWNER' || session.profile === 'ADV' ? (
          <li>
            <NavLink to={paths.stats} className={linkClass}>
              {t('nav.stats')}
            </NavLink>
          </li>
        ) : null}
        {session.profile === 'OWNER' || session.profile === 'ADV' ? (
          <li>
            <NavLink to={paths.settings} className={linkClass}>
              {t('nav.settings')}
            </NavLink>
          </li>
        ) : null}
      </ul>
      <p className="nav-section">{t('nav.developers')}</p>
      <ul>
        <li>
          <NavLink to={paths.playground} className={linkClass}>
            {t('nav.playground')}
          </NavLink>
        </li>
        <li>
          <NavLink to={paths.status} className={linkClass}>
            {t('nav.status')}
          </NavLink>
        </li>
        {session.isSupport ? (
          <li>
            <NavLink to={paths.admin} className={linkClass}>
              {t('nav.admin')}
            </NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
