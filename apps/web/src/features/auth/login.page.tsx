import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n/i18n';
import { paths } from '../../app/paths';
import { LoginMutation } from './auth.operations';
import { AuthCard, AuthError, PasswordField } from './auth-ui';
import './auth.css';

/** Only a path of this app, never another origin. */
export function safeReturn(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : paths.home;
}

/** Connexion. `?email=` pre-fills the address (after *Changer de dossier*); `?retour=` is where to go next. */
export default function LoginPage() {
  const { t } = useI18n();
  const session = useSession();
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [login, { loading, error }] = useMutation(LoginMutation);

  if (session.status === 'authenticated') {
    return <Navigate to={session.needsDossierSelection ? paths.pickDossier : safeReturn(params.get('retour'))} replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await login({ variables: { email, password } });
    } catch {
      return; // shown from `error`
    }
    // The session is now open: reading `me` again routes to the picker or the page asked for.
    await session.refresh();
  };

  return (
    <AuthCard
      title={t('auth.login.title')}
      intro={t('auth.login.intro')}
      footer={
        <>
          <p>
            <Link to={paths.forgotPassword}>{t('auth.login.forgot')}</Link>
          </p>
          <p>
            {t('auth.login.noAccount')} <Link to={paths.signUp}>{t('auth.login.signUp')}</Link>
          </p>
        </>
      }
    >
      <form className="auth-form" onSubmit={(e) => void submit(e)} aria-label={t('auth.login.title')}>
        <AuthError error={error} overrides={{ UNAUTHENTICATED: 'auth.login.invalid' }} />
        <label className="field">
          <span>{t('auth.email')}</span>
          <input type="email" value={email} required autoComplete="username" autoFocus={!email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <PasswordField label={t('auth.password')} value={password} onChange={setPassword} autoComplete="current-password" />
        <div className="form-actions">
          <button type="submit" className="button" disabled={loading}>
            {t('auth.login.submit')}
          </button>
        </div>
      </form>
    </AuthCard>
  );
}
