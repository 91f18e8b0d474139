import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { paths } from '../paths';
import { Loading } from '../../ui/loading';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';
import { SessionMenu } from './session-menu';
import { AuthGate } from '../auth-gate';

/** Header, navigation on the left, the page in the middle, a footer. */
export function AppShell() {
  const { t } = useI18n();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell-header">
        <Link to={paths.home} className="brand">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <span className="brand-tagline">{t('app.tagline')}</span>
        <div className="header-tools">
          <SessionMenu />
          <LanguageSwitch />
        </div>
      </header>
      <div className="shell-body">
        <MainNav />
        <main id="main" className="shell-main" tabIndex={-1}>
          <Suspense fallback={<Loading label={t('app.loading')} />}>
            <AuthGate>
              <Outlet />
            </AuthGate>
          </Suspense>
        </main>
      </div>
      <footer className="shell-footer">
        <span>© Comptoir</span>
        <Link to={paths.status}>{t('footer.status')}</Link>
      </footer>
    </div>
  );
}
