import { Table } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { graphql } from '../../gql';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { StatusBadge } from '../../ui/status-badge';
import { SeatFacts } from './seat-facts';
import { SettingsHeader } from './settings-tabs';
import { TableScroll } from '../../ui/table-scroll';
import { TableSkeleton } from '../../ui/table-skeleton';

const DossierUsersQuery = graphql(`
  query SettingsDossierUsers {
    dossierUsers {
      members {
        userId
        name
        email
        profile
        isPrincipal
        since
        active
      }
      seats {
        plan
        includedSeats
        extraSeats
        totalSeats
        seatsUsed
        seatsAvailable
        accountantAccess
        accountants
      }
    }
  }
`);

/** Paramètres / Utilisateurs: read-only; changes go through the support team. */
export default function SettingsUsersPage() {
  const { t, formatDate } = useI18n();
  const { data, loading, error } = useQuery(DossierUsersQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <>
      <SettingsHeader intro={t('settings.users.intro')} />
      <div className="stack">
        {error ? <ApiError error={error} /> : null}
        {loading && !data ? <TableSkeleton label={t('app.loading')} /> : null}
        {data ? (
          <>
            <Card title={t('settings.tab.users')}>
              <TableScroll>
                <Table data-testid="dossier-users">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('settings.users.name')}</Table.Th>
                      <Table.Th>{t('settings.users.email')}</Table.Th>
                      <Table.Th>{t('settings.users.profile')}</Table.Th>
                      <Table.Th>{t('settings.users.since')}</Table.Th>
                      <Table.Th>{t('support.askChange')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.dossierUsers.members.map((m) => (
                      <Table.Tr key={m.userId} data-email={m.email}>
                        <Table.Td>
                          {m.name} {m.isPrincipal ? <StatusBadge tone="neutral">{t('settings.users.principal')}</StatusBadge> : null}{' '}
                          {!m.active ? <StatusBadge tone="warning">{t('settings.users.pending')}</StatusBadge> : null}
                        </Table.Td>
                        <Table.Td>{m.email}</Table.Td>
                        <Table.Td>{t(`settings.profile.${m.profile}`)}</Table.Td>
                        <Table.Td>{formatDate(m.since)}</Table.Td>
                        <Table.Td className="row-actions">
                          {/* Changes go through the support team: each opens the matching request form, pre-filled. */}
                          {!m.isPrincipal ? <Link to={`/support?demande=CHANGE_PROFILE&membre=${m.userId}`}>{t('support.askProfile')}</Link> : null}{' '}
                          <Link to={`/support?demande=CHANGE_LOGIN_EMAIL&membre=${m.userId}`}>{t('support.askEmail')}</Link>{' '}
                          {!m.isPrincipal ? <Link to={`/support?demande=REMOVE_USER&membre=${m.userId}`}>{t('support.askRemoval')}</Link> : null}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
              <p className="note">{t('settings.users.supportNote')}</p>
            </Card>
            <Card title={t('settings.seats.title')}>
              <SeatFacts seats={data.dossierUsers.seats} />
            </Card>
          </>
        ) : null}
      </div>
    </>
  );
}
