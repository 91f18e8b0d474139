import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router';
import type { Plan } from '../../gql/graphql';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n/i18n';
import { paths } from '../../app/paths';
import { SignUpMutation } from './auth.operations';
import { AuthCard, AuthError, invalidField, PasswordField } from './auth-ui';
import './auth.css';

const PLANS: Plan[] = ['SOLO', 'TPE', 'TPE_PLUS'];

/** Inscription: a new dossier and its principal user; an existing e-mail with its password adds the dossier to that account. */
export default function SignUpPage() {
  const { t } = useI18n();
  const session = useSession();
  const [form, setForm] = useState({ email: '', password: '', name: '', phone: '', dossierName: '', siret: '', plan: 'TPE' as Plan });
  const [signUp, { loading, error }] = useMutation(SignUpMutation);
  const [done, setDone] = useState(false);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const invalid = invalidField(error);

  if (done && session.status === 'authenticated') return <Navigate to={paths.home} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await signUp({
        variables: {
          input: { email: form.email, password: form.password, name: form.name, phone: form.phone || null, dossierName: form.dossierName, siret: form.siret || null, plan: form.plan },
        },
      });
    } catch {
      return;
    }
    setDone(true);
    await session.refresh();
  };

  return (
    <AuthCard
      title={t('auth.signUp.title')}
      intro={t('auth.signUp.intro')}
      footer={
        <p>
          {t('auth.signUp.haveAccount')} <Link to={paths.login}>{t('auth.login.submit')}</Link>
        </p>
      }
    >
      <form className="auth-form" onSubmit={(e) => void submit(e)} aria-label={t('auth.signUp.title')}>
        <AuthError error={error} overrides={{ UNAUTHENTICATED: 'auth.signUp.existingRefused' }} />
        <fieldset>
          <legend>{t('auth.signUp.company')}</legend>
          <label className="field">
            <span>{t('auth.signUp.dossierName')} *</span>
            <input value={form.dossierName} required maxLength={160} aria-invalid={invalid === 'dossierName' || undefined} onChange={(e) => set({ dossierName: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('auth.signUp.siret')}</span>
            <input value={form.siret} inputMode="numeric" maxLength={17} aria-invalid={invalid === 'siret' || undefined} onChange={(e) => set({ siret: e.target.value })} />
          </label>
        </fieldset>
        <fieldset className="plan-choice">
          <legend>{t('auth.signUp.plan')}</legend>
          {PLANS.map((plan) => (
            <div key={plan} className={form.plan === plan ? 'plan-option selected' : 'plan-option'} onClick={() => set({ plan })}>
              <input
                id={`plan-${plan}`}
                type="radio"
                name="plan"
                value={plan}
                checked={form.plan === plan}
                aria-describedby={`plan-${plan}-description`}
                onChange={() => set({ plan })}
              />
              <label htmlFor={`plan-${plan}`} className="plan-name">
                {t(`auth.plan.${plan}`)}
              </label>
              <span id={`plan-${plan}-description`} className="plan-description">
                {t(`auth.plan.${plan}.description`)}
              </span>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('auth.signUp.you')}</legend>
          <p className="muted">{t('auth.signUp.existingHint')}</p>
          <label className="field">
            <span>{t('auth.signUp.name')} *</span>
            <input value={form.name} required maxLength={120} autoComplete="name" aria-invalid={invalid === 'name' || undefined} onChange={(e) => set({ name: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('auth.signUp.phone')}</span>
            <input type="tel" value={form.phone} maxLength={40} autoComplete="tel" onChange={(e) => set({ phone: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('auth.email')} *</span>
            <input type="email" value={form.email} required maxLength={254} autoComplete="username" aria-invalid={invalid === 'email' || undefined} onChange={(e) => set({ email: e.target.value })} />
          </label>
          <PasswordField
            label={`${t('auth.password')} *`}
            value={form.password}
            onChange={(password) => set({ password })}
            autoComplete="new-password"
            help={t('auth.passwordHelp')}
            invalid={invalid === 'password'}
          />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button" disabled={loading}>
            {t('auth.signUp.submit')}
          </button>
        </div>
      </form>
    </AuthCard>
  );
}
