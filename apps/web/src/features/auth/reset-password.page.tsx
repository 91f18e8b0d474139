import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorCode } from '../../app/errors';
import { useI18n } from '../../app/i18n/i18n';
import { paths } from '../../app/paths';
import { ResetPasswordMutation } from './auth.operations';
import { AuthCard, AuthError, invalidField, PasswordField } from './auth-ui';
import './auth.css';

/** The page of the e-mailed reset link: `?token=…`. */
export default function ResetPasswordPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const [reset, { loading, error }] = useMutation(ResetPasswordMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== confirm);
    if (password !== confirm) return;
    try {
      await reset({ variables: { token, newPassword: password } });
    } catch {
      return;
    }
    setDone(true);
  };

  const linkDead = errorCode(error) === 'NOT_FOUND';
  return (
    <AuthCard title={t('auth.reset.title')} intro={done ? undefined : t('auth.reset.intro')}>
      {!token ? <p className="error-message" role="alert">{t('auth.reset.noToken')}</p> : null}
      {done ? (
        <>
          <p role="status" className="auth-success">
            {t('auth.reset.done')}
          </p>
          <p>
            <Link className="button" to={paths.login}>
              {t('auth.login.submit')}
            </Link>
          </p>
        </>
      ) : linkDead ? (
        <>
          <p className="error-message" role="alert">
            {t('auth.reset.invalidLink')}
          </p>
          <p>
            <Link to={paths.forgotPassword}>{t('auth.reset.askAgain')}</Link>
          </p>
        </>
      ) : token ? (
        <form className="auth-form" onSubmit={(e) => void submit(e)} aria-label={t('auth.reset.title')}>
          <AuthError error={error} />
          {mismatch ? (
            <p className="error-message" role="alert">
              {t('auth.passwordsDiffer')}
            </p>
          ) : null}
          <PasswordField label={t('auth.newPassword')} value={password} onChange={setPassword} autoComplete="new-password" help={t('auth.passwordHelp')} minLength={10} invalid={invalidField(error) === 'newPassword'} />
          <PasswordField label={t('auth.confirmPassword')} value={confirm} onChange={setConfirm} autoComplete="new-password" invalid={mismatch} />
          <div className="form-actions">
            <button type="submit" className="button" disabled={loading}>
              {t('auth.reset.submit')}
            </button>
          </div>
        </form>
      ) : null}
    </AuthCard>
  );
}
