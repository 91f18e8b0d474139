import { Table } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n/i18n';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { PageHeader } from '../../ui/page-header';
import { ChangePasswordMutation, MySessionsQuery, RevokeSessionMutation } from './auth.operations';
import { AuthError, invalidField, PasswordField } from './auth-ui';
import '../settings/settings.css';
import './auth.css';
import { TableScroll } from '../../ui/table-scroll';
import { TableSkeleton } from '../../ui/table-skeleton';

/** Mon compte: identity, password change, open sessions with "Révoquer". */
export default function AccountPage() {
  const { t } = useI18n();
  const session = useSession();
  return (
    <>
      <PageHeader title={t('auth.account.title')} intro={t('auth.account.intro')} />
      <div className="stack">
        <Card title={t('auth.account.identity')}>
          <dl className="facts">
            <div>
              <dt>{t('auth.account.name')}</dt>
              <dd>{session.user?.name}</dd>
            </div>
            <div>
              <dt>{t('auth.email')}</dt>
              <dd data-testid="account-email">{session.user?.email}</dd>
            </div>
            {session.user?.phone ? (
              <div>
                <dt>{t('auth.account.phone')}</dt>
                <dd>{session.user.phone}</dd>
              </div>
            ) : null}
            {session.dossiers.length ? (
              <div>
                <dt>{t('auth.account.dossiers')}</dt>
                <dd>
                  <ul className="plain-list">
                    {session.dossiers.map((d) => (
                      <li key={d.id}>
                        {d.name} — {t(`settings.profile.${d.profile}`)}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
          </dl>
        </Card>
        <ChangePasswordCard />
        <SessionsCard />
      </div>
    </>
  );
}

function ChangePasswordCard() {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const [change, { loading, error }] = useMutation(ChangePasswordMutation, { refetchQueries: [MySessionsQuery] });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    setMismatch(next !== confirm);
    if (next !== confirm) return;
    try {
      await change({ variables: { currentPassword: current, newPassword: next } });
    } catch {
      return;
    }
    setDone(true);
    setCurrent('');
    setNext('');
    setConfirm('');
  };

  const invalid = invalidField(error);
  return (
    <Card title={t('auth.account.changePassword')}>
      <form className="auth-form" onSubmit={(e) => void submit(e)} aria-label={t('auth.account.changePassword')}>
        {done ? (
          <p role="status" className="auth-success">
            {t('auth.account.passwordChanged')}
          </p>
        ) : null}
        <AuthError error={error} />
        {mismatch ? (
          <p className="error-message" role="alert">
            {t('auth.passwordsDiffer')}
          </p>
        ) : null}
        <PasswordField label={t('auth.account.currentPassword')} value={current} onChange={setCurrent} autoComplete="current-password" invalid={invalid === 'currentPassword'} />
        <PasswordField label={t('auth.newPassword')} value={next} onChange={setNext} autoComplete="new-password" help={t('auth.passwordHelp')} minLength={10} invalid={invalid === 'newPassword'} />
        <PasswordField label={t('auth.confirmPassword')} value={confirm} onChange={setConfirm} autoComplete="new-password" invalid={mismatch} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={loading}>
            {t('auth.account.save')}
          </button>
        </div>
      </form>
    </Card>
  );
}

function SessionsCard() {
  const { t, formatDateTime } = useI18n();
  const { data, loading, error } = useQuery(MySessionsQuery, { fetchPolicy: 'cache-and-network' });
  const [revoke, revoking] = useMutation(RevokeSessionMutation, { refetchQueries: [MySessionsQuery], awaitRefetchQueries: true });
  const [revoked, setRevoked] = useState(false);

  const revokeOne = async (id: string) => {
    setRevoked(false);
    try {
      await revoke({ variables: { id } });
    } catch {
      return;
    }
    setRevoked(true);
  };

  return (
    <Card title={t('auth.account.sessions')}>
      <p className="muted">{t('auth.account.sessions.intro')}</p>
      {error ? <ApiError error={error} /> : null}
      {revoking.error ? <ApiError error={revoking.error} /> : null}
      {revoked ? (
        <p role="status" className="auth-success">
          {t('auth.account.session.revoked')}
        </p>
      ) : null}
      {loading && !data ? <TableSkeleton label={t('app.loading')} /> : null}
      {data ? (
        <TableScroll>
          <Table data-testid="my-sessions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('auth.account.session.started')}</Table.Th>
                <Table.Th>{t('auth.account.session.lastSeen')}</Table.Th>
                <Table.Th>{t('auth.account.session.ip')}</Table.Th>
                <Table.Th>{t('auth.account.session.browser')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('auth.account.session.revoke')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.mySessions.map((s) => (
                <Table.Tr key={s.id} data-session-id={s.id} data-current={s.current || undefined}>
                  <Table.Td>{formatDateTime(s.createdAt)}</Table.Td>
                  <Table.Td>{formatDateTime(s.lastSeenAt)}</Table.Td>
                  <Table.Td>{s.ip ?? '—'}</Table.Td>
                  <Table.Td className="session-agent" title={s.userAgent ?? undefined}>
                    {describeAgent(s.userAgent)}
                  </Table.Td>
                  <Table.Td>
                    {s.current ? (
                      <span className="badge badge-success">{t('auth.account.session.current')}</span>
                    ) : (
                      <button type="button" className="button button-secondary" disabled={revoking.loading} onClick={() => void revokeOne(s.id)}>
                        {t('auth.account.session.revoke')}
                      </button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
    </Card>
  );
}

/** "Chrome sur Linux"-like summary of a User-Agent header, the raw header otherwise. */
function describeAgent(agent: string | null | undefined): string {
  if (!agent) return '—';
  const browser = /Edg\//.test(agent) ? 'Edge' : /Firefox\//.test(agent) ? 'Firefox' : /Chrom(e|ium)\//.test(agent) ? 'Chrome' : /Safari\//.test(agent) ? 'Safari' : null;
  const os = /Windows/.test(agent) ? 'Windows' : /Android/.test(agent) ? 'Android' : /iPhone|iPad/.test(agent) ? 'iOS' : /Mac OS X/.test(agent) ? 'macOS' : /Linux/.test(agent) ? 'Linux' : null;
  return browser && os ? `${browser} · ${os}` : agent.slice(0, 60);
}
