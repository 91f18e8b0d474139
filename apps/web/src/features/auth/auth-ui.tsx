import { useId, useState, type ReactNode } from 'react';
import type { ErrorCode } from '@comptoir/schema';
import { errorCode, errorFieldPath } from '../../app/errors';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import { ApiError } from '../../ui/api-error';

/** The French sentence of each input the identity API validates (`extensions.field`, last segment). */
const FIELD_MESSAGES: Record<string, MessageKey> = {
  email: 'auth.field.email',
  password: 'auth.field.password',
  newPassword: 'auth.field.password',
  name: 'auth.field.name',
  phone: 'auth.field.phone',
  dossierName: 'auth.field.dossierName',
  siret: 'auth.field.siret',
  currentPassword: 'auth.field.currentPassword',
};

/** The error of an identity form: a field's own sentence for BAD_USER_INPUT, the shared code → message map otherwise. */
export function AuthError({ error, overrides }: { error: unknown; overrides?: Partial<Record<ErrorCode, MessageKey>> }) {
  const { t } = useI18n();
  if (!error) return null;
  const field = errorCode(error) === 'BAD_USER_INPUT' ? errorFieldPath(error)?.split('.').pop() : undefined;
  const key = field ? FIELD_MESSAGES[field] : undefined;
  if (key) {
    return (
      <div className="error-message" role="alert" data-code="BAD_USER_INPUT" data-field={field}>
        <p className="error-title">{t(key)}</p>
      </div>
    );
  }
  return <ApiError error={error} overrides={overrides} />;
}

/** The field the server refused, to mark its input `aria-invalid`. */
export function invalidField(error: unknown): string | null {
  return errorCode(error) === 'BAD_USER_INPUT' ? (errorFieldPath(error)?.split('.').pop() ?? null) : null;
}

/** A centred card for the pages a logged-out user sees. */
export function AuthCard({ title, intro, children, footer }: { title: string; intro?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <section className="auth-card" aria-labelledby="auth-title">
      <h1 id="auth-title" className="page-title">
        {title}
      </h1>
      {intro ? <p className="page-intro">{intro}</p> : null}
      {children}
      {footer ? <div className="auth-footer">{footer}</div> : null}
    </section>
  );
}

/** A password input with a "show" toggle; `autoComplete` tells managers whether it is a new one. */
export function PasswordField({
  label,
  value,
  onChange,
  autoComplete,
  help,
  invalid,
  minLength,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  autoComplete: 'current-password' | 'new-password';
  help?: string;
  invalid?: boolean;
  minLength?: number;
}) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <span className="password-input">
        <input
          id={id}
          type={shown ? 'text' : 'password'}
          value={value}
          required
          minLength={minLength}
          maxLength={200}
          autoComplete={autoComplete}
          aria-invalid={invalid || undefined}
          aria-describedby={help ? `${id}-help` : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        <button type="button" className="button button-secondary" aria-pressed={shown} aria-controls={id} onClick={() => setShown(!shown)}>
          {t('auth.showPassword')}
        </button>
      </span>
      {help ? (
        <small id={`${id}-help`} className="muted">
          {help}
        </small>
      ) : null}
    </div>
  );
}
