import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { paths } from '../../app/paths';
import { RequestPasswordResetMutation } from './auth.operations';
import { AuthCard, AuthError } from './auth-ui';
import './auth.css';

/** Mot de passe oublié: the answer is the same whether or not the address has an account. */
export default function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [request, { loading, error }] = useMutation(RequestPasswordResetMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await request({ variables: { email } });
    } catch {
      return;
    }
    setSentTo(email.trim());
  };

  return (
    <AuthCard
      title={t('auth.forgot.title')}
      intro={t('auth.forgot.intro')}
      footer={
        <p>
          <Link to={paths.login}>{t('auth.forgot.back')}</Link>
        </p>
      }
    >
      {sentTo ? (
        <p role="status" className="auth-success">
          {t('auth.forgot.sent', { email: sentTo })}
        </p>
      ) : (
        <form className="auth-form" onSubmit={(e) => void submit(e)} aria-label={t('auth.forgot.title')}>
          <AuthError error={error} />
          <label className="field">
            <span>{t('auth.email')}</span>
            <input type="email" value={email} required autoComplete="username" onChange={(e) => setEmail(e.target.value)} />
          </label>
          <div className="form-actions">
            <button type="submit" className="button" disabled={loading}>
              {t('auth.forgot.submit')}
            </button>
          </div>
        </form>
      )}
    </AuthCard>
  );
}
