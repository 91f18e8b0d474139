import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './auth';
import { useI18n } from './i18n/i18n';
import { paths } from './paths';
import { Loading } from '../ui/loading';
import { PUBLIC_PATHS } from '../features/auth/routes';

/**
 * Route guard: a logged-out visitor goes to Connexion (and comes back after);
 * a session not yet bound to a dossier goes to the picker. Public pages pass.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  const location = useLocation();
  const isPublic = PUBLIC_PATHS.some((p) => location.pathname === p || location.pathname.startsWith(`${p}/`));
  if (isPublic) return children;
  if (session.status === 'loading') return <Loading label={t('app.loading')} />;
  if (session.status === 'anonymous') {
    const back = `${location.pathname}${location.search}`;
    return <Navigate to={back === paths.home ? paths.login : `${paths.login}?retour=${encodeURIComponent(back)}`} replace />;
  }
  if (session.needsDossierSelection && location.pathname !== paths.pickDossier && location.pathname !== paths.account) {
    return <Navigate to={paths.pickDossier} replace />;
  }
  return children;
}
