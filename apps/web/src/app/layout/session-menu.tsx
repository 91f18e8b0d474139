import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { useSession } from '../auth';
import { useI18n } from '../i18n/i18n';
import { paths } from '../paths';
import { LogoutMutation } from '../../features/auth/auth.operations';

/**
 * Header: the current dossier and profile, *Changer de dossier* (logs out and
 * returns to Connexion with the e-mail filled in), Mon compte, Se déconnecter.
 * Leaving reloads the page, so nothing of the previous session stays in memory.
 */
export function SessionMenu() {
  const { t } = useI18n();
  const session = useSession();
  const [logout, { loading }] = useMutation(LogoutMutation);

  if (session.status !== 'authenticated' || !session.user) {
    if (session.status === 'loading') return null;
    return (
      <Link to={paths.login} className="button button-secondary">
        {t('auth.header.login')}
      </Link>
    );
  }

  const leave = async (to: string) => {
    try {
      await logout();
    } catch {
      // Already gone on the server (expired or revoked): leaving is what was asked anyway.
    }
    window.location.assign(to);
  };
  const switchTo = `${paths.login}?email=${encodeURIComponent(session.user.email)}`;

  return (
    <div className="session-menu" data-testid="session-menu">
      {session.dossier ? (
        <span className="session-dossier">
          <span className="visually-hidden">{t('auth.header.dossier')} : </span>
          <strong data-testid="current-dossier">{session.dossier.name}</strong>
          {session.profile ? (
            <span className="badge badge-neutral" data-testid="current-profile" title={t('auth.header.profile')}>
              {t(`settings.profile.${session.profile}`)}
            </span>
          ) : null}
        </span>
      ) : session.isSupport ? (
        <span className="badge badge-neutral">{t('auth.header.support')}</span>
      ) : null}
      {session.dossiers.length > 1 || (session.dossiers.length > 0 && !session.dossier) ? (
        <button type="button" className="button button-secondary" disabled={loading} onClick={() => void leave(switchTo)}>
          {t('auth.header.switch')}
        </button>
      ) : null}
      <Link to={paths.account} className="session-user" title={session.user.email}>
        {t('auth.header.account')}
      </Link>
      <button type="button" className="button button-secondary" disabled={loading} onClick={() => void leave(paths.login)}>
        {t('auth.header.logout')}
      </button>
    </div>
  );
}
