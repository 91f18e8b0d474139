import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useSession } from '../../app/auth';
import { errorCode } from '../../app/errors';
import { useI18n } from '../../app/i18n/i18n';
import { paths } from '../../app/paths';
import { Loading } from '../../ui/loading';
import { AcceptInvitationMutation, InvitationPreviewQuery } from './auth.operations';
import { AuthCard, AuthError, invalidField, PasswordField } from './auth-ui';
import './auth.css';

/** Accepter l'invitation: the invited user (or a new support agent) sets a password and is logged in. */
export default function InvitationPage() {
  const { t } = useI18n();
  const session = useSession();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useQuery(InvitationPreviewQuery, { variables: { token }, skip: !token, fetchPolicy: 'network-only' });
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [accepted, setAccepted] = useState(false);
  const [accept, { loading, error }] = useMutation(AcceptInvitationMutation);

  if (accepted && session.status === 'authenticated') {
    return <Navigate to={session.needsDossierSelection ? paths.pickDossier : paths.home} replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== confirm);
    if (password !== confirm) return;
    try {
      await accept({ variables: { token, password } });
    } catch {
      return;
    }
    setAccepted(true);
    await session.refresh();
  };

  const invitation = preview.data?.invitationPreview;
  const dead = !token || errorCode(preview.error) === 'NOT_FOUND' || errorCode(error) === 'NOT_FOUND';
  return (
    <AuthCard title={t('auth.invitation.title')} intro={dead ? undefined : t('auth.invitation.intro')}>
      {dead ? (
        <p className="error-message" role="alert">
          {t('auth.invitation.invalid')}
        </p>
      ) : preview.loading ? (
        <Loading label={t('app.loading')} />
      ) : preview.error ? (
        <AuthError error={preview.error} />
      ) : invitation ? (
        <>
          <dl className="facts">
            {invitation.dossierName ? (
              <div>
                <dt>{t('auth.invitation.dossier')}</dt>
                <dd data-testid="invitation-dossier">{invitation.dossierName}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('auth.invitation.login')}</dt>
              <dd data-testid="invitation-email">{invitation.email}</dd>
            </div>
          </dl>
          <form className="auth-form" onSubmit={(e) => void submit(e)} aria-label={t('auth.invitation.title')}>
            <input type="email" value={invitation.email} autoComplete="username" readOnly hidden />
            <AuthError error={error} />
            {mismatch ? (
              <p className="error-message" role="alert">
                {t('auth.passwordsDiffer')}
              </p>
            ) : null}
            <PasswordField label={t('auth.password')} value={password} onChange={setPassword} autoComplete="new-password" help={t('auth.passwordHelp')} minLength={10} invalid={invalidField(error) === 'password'} />
            <PasswordField label={t('auth.confirmPassword')} value={confirm} onChange={setConfirm} autoComplete="new-password" invalid={mismatch} />
            <div className="form-actions">
              <button type="submit" className="button" disabled={loading}>
                {t('auth.invitation.submit')}
              </button>
            </div>
          </form>
        </>
      ) : null}
    </AuthCard>
  );
}
