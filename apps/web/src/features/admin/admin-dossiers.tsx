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
            <table className="data-table" data-testid="admin-dossier-results">
              <thead>
                <tr>
                  <th>{t('admin.dossier.name')}</th>
                  <th>{t('admin.dossier.siret')}</th>
                  <th>{t('settings.seats.plan')}</th>
                  <th className="num">{t('admin.dossier.members')}</th>
                  <th>{t('admin.dossier.principal')}</th>
                </tr>
              </thead>
              <tbody>
                {found.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <Link to={`/admin/dossiers/${d.id}`}>{d.name}</Link>
                      {d.city ? <div className="muted">{d.city}</div> : null}
                    </td>
                    <td>{d.siret ?? '—'}</td>
                    <td>{t(`settings.plan.${d.plan}`)}</td>
                    <td className="num">{d.members}</td>
                    <td>{d.principalEmail ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </Card>
    </div>
  );
}
