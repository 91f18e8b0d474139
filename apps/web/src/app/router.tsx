import { lazyPage } from './lazy-page';
import { createBrowserRouter, Navigate } from 'react-router';
import NotFoundPage from '../features/not-found/not-found.page';
import { AppShell } from './layout/app-shell';
import { paths } from './paths';
import { RouteError } from './layout/route-error';
import { documentsRoutes } from '../features/documents/routes';
import { authRoutes } from '../features/auth/routes';

// Pages that most users never open are split into their own chunks; the shell's
// <Suspense> shows a loading line while one arrives.
const DashboardPage = lazyPage(() => import('../features/dashboard/dashboard.page'));
const PlaygroundPage = lazyPage(() => import('../features/playground/playground.page'));
const AdminPage = lazyPage(() => import('../features/admin/admin.page'));
const SupportPage = lazyPage(() => import('../features/support/support.page'));
const SettingsUsersPage = lazyPage(() => import('../features/settings/users.page'));
const SettingsSubscriptionPage = lazyPage(() => import('../features/settings/subscription.page'));
const SettingsDossierPage = lazyPage(() => import('../features/settings/dossier.page'));
const DocumentsExportPage = lazyPage(() => import('../features/exports/documents-export.page'));
const ActionSummaryPage = lazyPage(() => import('../features/exports/action-summary.page'));
const StatusPage = lazyPage(() => import('../features/health/status.page'));
const AccountingSettingsPage = lazyPage(() => import('../features/accounting/chart.page'));
const AccountingBatchesPage = lazyPage(() => import('../features/accounting/batches.page'));

export const router = createBrowserRouter([
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: paths.status, element: <StatusPage /> },
      { path: paths.playground, element: <PlaygroundPage /> },
      { path: `${paths.admin}/*`, element: <AdminPage /> },
      { path: paths.support, element: <SupportPage /> },
      { path: `${paths.support}/:id`, element: <SupportPage /> },
      { path: paths.settings, element: <Navigate to={paths.settingsUsers} replace /> },
      { path: paths.settingsUsers, element: <SettingsUsersPage /> },
      { path: paths.settingsSubscription, element: <SettingsSubscriptionPage /> },
      { path: paths.settingsDossier, element: <SettingsDossierPage /> },
      { path: paths.settingsAccounting, element: <AccountingSettingsPage /> },
      ...documentsRoutes,
      { path: paths.accounting, element: <AccountingBatchesPage /> },
      { path: paths.stats, element: <Navigate to={paths.statsDocuments} replace /> },
      { path: paths.statsDocuments, element: <DocumentsExportPage /> },
      { path: paths.statsActions, element: <ActionSummaryPage /> },
      ...authRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
