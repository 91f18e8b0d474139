import { Table } from '@mantine/core';
import { useLazyQuery, useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { graphql } from '../../gql';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { StatusBadge } from '../../ui/status-badge';
import { TableScroll } from '../../ui/table-scroll';

const SearchUsersQuery = graphql(`
  query AdminSearchUsers($query: String!) {
    adminSearchUsers(query: $query, first: 50) {
      id
      email
      name
      phone
      platformRole
      active
      memberships {
        dossierId
        dossierName
        profile
        isPrincipal
      }
    }
  }
`);

const ChangeLoginEmailMutation = graphql(`
  mutation AdminChangeLoginEmail($userId: ID!, $newEmail: String!) {
    adminChangeLoginEmail(userId: $userId, newEmail: $newEmail) {
      id
      email
    }
  }
`);

/** User search, and changing a login e-mail (the user is told at both addresses). */
export function AdminUsersSection() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [search, { data, error, called, refetch }] = useLazyQuery(SearchUsersQuery, { fetchPolicy: 'network-only' });
  const [editing, setEditing] = useState<string | null>(null);
  const [newEmail, setNewEmail] = useState('');
  const [changed, setChanged] = useState<string | null>(null);
  const [change, changeState] = useMutation(ChangeLoginEmailMutation);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search({ variables: { query } }).catch(() => undefined);
  };
  const submitChange = async (event: FormEvent, userId: string) => {
    event.preventDefault();
    try {
      const result = await change({ variables: { userId, newEmail } });
      setChanged(result.data?.adminChangeLoginEmail.email ?? null);
      setEditing(null);
      setNewEmail('');
      void refetch().catch(() => undefined);
    } catch {
      // Shown from changeState.error.
    }
  };
  const users = data?.adminSearchUsers ?? [];
  return (
    <div className="stack">
      <Card title={t('admin.tab.users')}>
        <form className="inline-form" onSubmit={submit} role="search">
          <input
            type="search"
            name="query"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('admin.search.usersPlaceholder')}
            aria-label={t('admin.search.usersPlaceholder')}
            size={40}
          />
          <button type="submit" className="button">
            {t('admin.search.submit')}
          </button>
        </form>
        {error ? <ApiError error={error} /> : null}
        {changed ? (
          <p className="notice" role="status">
            {t('admin.users.changed', { email: changed })}
          </p>
        ) : null}
        {called && data && users.length === 0 ? <p className="muted">{t('admin.search.empty')}</p> : null}
        {users.length > 0 ? (
          <TableScroll>
            <Table data-testid="admin-user-results">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings.users.name')}</Table.Th>
                  <Table.Th>{t('settings.users.email')}</Table.Th>
                  <Table.Th>{t('admin.users.memberships')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.map((u) => (
                  <Table.Tr key={u.id} data-email={u.email}>
                    <Table.Td>
                      {u.name} {u.platformRole === 'SUPPORT' ? <StatusBadge tone="neutral">{t('admin.users.support')}</StatusBadge> : null}{' '}
                      {!u.active ? <StatusBadge tone="warning">{t('admin.users.inactive')}</StatusBadge> : null}
                      {u.phone ? <div className="muted">{u.phone}</div> : null}
                    </Table.Td>
                    <Table.Td>
                      {u.email}
                      {editing === u.id ? (
                        <form className="inline-form" onSubmit={(e) => void submitChange(e, u.id)}>
                          <input
                            type="email"
                            name="newEmail"
                            required
                            value={newEmail}
                            onChange={(e) => setNewEmail(e.target.value)}
                            aria-label={t('admin.users.newEmail')}
                            placeholder={t('admin.users.newEmail')}
                          />
                          <button type="submit" className="button" disabled={changeState.loading}>
                            {t('admin.users.save')}
                          </button>
                          <button type="button" className="button button-secondary" onClick={() => setEditing(null)}>
                            {t('settings.cancel')}
                          </button>
                          {changeState.error ? <ApiError error={changeState.error} /> : null}
                        </form>
                      ) : (
                        <div>
                          <button
                            type="button"
                            className="button button-secondary"
                            onClick={() => {
                              setEditing(u.id);
                              setNewEmail(u.email);
                              changeState.reset();
                            }}
                          >
                            {t('admin.users.changeEmail')}
                          </button>
                        </div>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <ul>
                        {u.memberships.map((m) => (
                          <li key={m.dossierId}>
                            <Link to={`/admin/dossiers/${m.dossierId}`}>{m.dossierName}</Link> — {t(`settings.profile.${m.profile}`)}
                            {m.isPrincipal ? ` (${t('settings.users.principal')})` : ''}
                          </li>
                        ))}
                      </ul>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        ) : null}
      </Card>
    </div>
  );
}
