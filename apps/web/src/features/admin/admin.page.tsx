import { NavLink, Route, Routes } from 'react-router';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n/i18n';
import { ErrorMessage } from '../../ui/error-message';
import { PageHeader } from '../../ui/page-header';
import { AdminActionsSection } from './admin-actions';
import { AdminDossierSection } from './admin-dossier';
import { AdminDossiersSection } from './admin-dossiers';
import { AdminOutboxSection } from './admin-outbox';
import { AdminJobsSection } from './admin-jobs';
import { AdminUsersSection } from './admin-users';
import { AdminSupportSection } from './admin-support';
import '../settings/settings.css';

// Loaded on demand (its own chunk): only the support team opens it.
export default function AdminPage() {
  const { t } = useI18n();
  const session = useSession();
  const tab = ({ isActive }: { isActive: boolean }) => (isActive ? 'active' : undefined);
  if (session.user && !session.isSupport) {
    return <ErrorMessage title={t('admin.title')} message={t('error.code.FORBIDDEN')} />;
  }
  return (
    <>
      <PageHeader title={t('admin.title')} intro={t('admin.intro')} />
      <nav className="tabs" aria-label={t('admin.title')}>
        <NavLink to="/admin" end className={tab}>
          {t('admin.tab.dossiers')}
        </NavLink>
        <NavLink to="/admin/support" className={tab}>
          {t('support.queue')}
        </NavLink>
        <NavLink to="/admin/utilisateurs" className={tab}>
          {t('admin.tab.users')}
        </NavLink>
        <NavLink to="/admin/journal" className={tab}>
          {t('admin.tab.actions')}
        </NavLink>
        <NavLink to="/admin/envois" className={tab}>
          {t('admin.tab.outbox')}
        </NavLink>
        <NavLink to="/admin/taches" className={tab}>
          {t('admin.tab.jobs')}
        </NavLink>
      </nav>
      <Routes>
        <Route index element={<AdminDossiersSection />} />
        <Route path="dossiers/:id" element={<AdminDossierSection />} />
        <Route path="support" element={<AdminSupportSection />} />
        <Route path="support/:id" element={<AdminSupportSection />} />
        <Route path="utilisateurs" element={<AdminUsersSection />} />
        <Route path="journal" element={<AdminActionsSection />} />
        <Route path="envois" element={<AdminOutboxSection />} />
        <Route path="taches" element={<AdminJobsSection />} />
      </Routes>
    </>
  );
}
