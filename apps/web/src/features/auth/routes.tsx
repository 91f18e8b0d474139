import { lazyPage } from '../../app/lazy-page';
import type { RouteObject } from 'react-router';
import { paths } from '../../app/paths';
import LoginPage from './login.page';
import PickDossierPage from './pick-dossier.page';

// Login and the picker are on every user's path; the rest is loaded on demand.
const SignUpPage = lazyPage(() => import('./sign-up.page'));
const ForgotPasswordPage = lazyPage(() => import('./forgot-password.page'));
const ResetPasswordPage = lazyPage(() => import('./reset-password.page'));
const InvitationPage = lazyPage(() => import('./invitation.page'));
const AccountPage = lazyPage(() => import('./account.page'));

export const authRoutes: RouteObject[] = [
  { path: paths.login, element: <LoginPage /> },
  { path: paths.signUp, element: <SignUpPage /> },
  { path: paths.pickDossier, element: <PickDossierPage /> },
  { path: paths.forgotPassword, element: <ForgotPasswordPage /> },
  { path: paths.resetPassword, element: <ResetPasswordPage /> },
  { path: paths.invitation, element: <InvitationPage /> },
  { path: paths.account, element: <AccountPage /> },
];

/** Pages open without a session; every other page sends a logged-out visitor to Connexion. */
export const PUBLIC_PATHS: readonly string[] = [paths.login, paths.signUp, paths.forgotPassword, paths.resetPassword, paths.invitation, paths.status, paths.playground];
