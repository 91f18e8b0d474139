import { Table } from '@mantine/core';
import { useLazyQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { graphql } from '../../gql';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { TableScroll } from '../../ui/table-scroll';

const SearchDossiersQuery = graphql(`
  query AdminSearchDossiers($query: String!) {
    adminSearchDossiers(query: $query, first: 50) {
      id
      name
      siret
      city
      plan
      members
      principalEmail
    }
  }
`);

/** Dossier search: by name, SIRET or a member's e-mail. */
export function AdminDossiersSection() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [search, { data, error, called }] = useLazyQuery(SearchDossiersQuery, { fetchPolicy: 'network-only' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search({ variables: { query } }).catch(() => undefined);
  };
  const found = data?.adminSearchDossiers ?? [];
  return (
    <div className="stack">
      <Card title={t('admin.tab.dossiers')}>
        <form className="inline-form" onSubmit={submit} role="search">
          <input
            type="search"
            name="query"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('admin.search.dossiersPlaceholder')}
            aria-label={t('admin.search.dossiersPlaceholder')}
            size={40}
          />
          <button type="submit" className="button">
            {t('admin.search.submit')}
          </button>
        </form>
        {error ? <ApiError error={error} /> : null}
        {called && data && found.length === 0 ? <p className="muted">{t('admin.search.empty')}</p> : null}
        {found.length > 0 ? (
          <TableScroll>
            <Table data-testid="admin-dossier-results">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.dossier.name')}</Table.Th>
                  <Table.Th>{t('admin.dossier.siret')}</Table.Th>
                  <Table.Th>{t('settings.seats.plan')}</Table.Th>
                  <Table.Th className="num">{t('admin.dossier.members')}</Table.Th>
                  <Table.Th>{t('admin.dossier.principal')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {found.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <Link to={`/admin/dossiers/${d.id}`}>{d.name}</Link>
                      {d.city ? <div className="muted">{d.city}</div> : null}
                    </Table.Td>
                    <Table.Td>{d.siret ?? '—'}</Table.Td>
                    <Table.Td>{t(`settings.plan.${d.plan}`)}</Table.Td>
                    <Table.Td className="num">{d.members}</Table.Td>
                    <Table.Td>{d.principalEmail ?? '—'}</Table.Td>
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
