import { Table } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n/i18n';
import { ErrorMessage } from '../../ui/error-message';
import { TableSkeleton } from '../../ui/table-skeleton';
import { PageHeader } from '../../ui/page-header';
import { errorText } from '../documents/document-errors';
import { allowed, PARTY_ACCESS } from '../documents/document-kinds';
import { CustomersQuery, SuppliersQuery } from './party.operations';
import '../documents/documents.css';
import { isRefused, isRetryable } from '../../ui/api-error';
import { TableScroll } from '../../ui/table-scroll';
import { usePagedList } from '../../ui/use-paged-list';

export type PartySide = 'customers' | 'suppliers';

export const PARTY_PATHS: Record<PartySide, string> = { customers: '/clients', suppliers: '/fournisseurs' };

/** Clients or Fournisseurs: search, "Charger plus", empty state. */
export default function PartyListPage({ side }: { side: PartySide }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const { profile } = useSession();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const [text, setText] = useState(search);
  const query = side === 'customers' ? CustomersQuery : SuppliersQuery;
  const { data, error, refetch, fetchMore, loading } = useQuery(query as typeof CustomersQuery, {
    variables: { first: 50, search: search || null },
    fetchPolicy: 'cache-and-network',
  });
  const list = data?.list;
  const path = PARTY_PATHS[side];
  const writable = allowed(PARTY_ACCESS[side].write, profile);

  const submit = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('q', value);
    else next.delete('q');
    setParams(next, { replace: true });
  };
  const { hasMore, loadMore, loadingMore } = usePagedList(list, fetchMore);

  return (
    <>
      <PageHeader
        title={side === 'customers' ? t('party.customers') : t('party.suppliers')}
        actions={
          writable ? (
            <Link className="button" to={`${path}/nouveau`}>
              {side === 'customers' ? t('party.newCustomer') : t('party.newSupplier')}
            </Link>
          ) : null
        }
      />
      {/* A refused profile gets the reason only: filters would be useless. */}
      {isRefused(error) ? null : (
        <form
          className="list-filters"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            submit(text.trim());
          }}
        >
          <label className="field field-wide">
            <span>{t('list.search')}</span>
            <input type="search" value={text} placeholder={t('party.searchPlaceholder')} onChange={(e) => setText(e.target.value)} onBlur={() => submit(text.trim())} />
          </label>
        </form>
      )}
      {error && !list ? (
        <ErrorMessage title={t('error.title')} message={errorText(i18n, error)} retryLabel={isRetryable(error) ? t('error.retry') : undefined} onRetry={isRetryable(error) ? () => void refetch() : undefined} />
      ) : !list ? (
        <TableSkeleton label={t('list.loading')} />
      ) : list.nodes.length === 0 ? (
        <p className="empty-state" data-testid="empty-state">
          {search ? t('list.noMatch') : side === 'customers' ? t('party.emptyCustomers') : t('party.emptySuppliers')}
        </p>
      ) : (
        <>
          <p className="muted small">{t('list.count', { shown: list.nodes.length, total: list.totalCount })}</p>
          <TableScroll>
            <Table data-testid="party-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('field.legalName')}</Table.Th>
                  <Table.Th scope="col">{t('field.siren')}</Table.Th>
                  <Table.Th scope="col">{t('field.city')}</Table.Th>
                  <Table.Th scope="col">{t('field.contactName')}</Table.Th>
                  <Table.Th scope="col" className="num">
                    {t('field.paymentTermsDays')}
                  </Table.Th>
                  <Table.Th scope="col">{t('list.col.updatedBy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.nodes.map((p) => (
                  <Table.Tr key={p.id} data-testid="party-row">
                    <Table.Td>
                      <Link to={`${path}/${p.id}`}>{p.legalName}</Link>
                    </Table.Td>
                    <Table.Td>{p.siren ?? '—'}</Table.Td>
                    <Table.Td>{p.city ?? '—'}</Table.Td>
                    <Table.Td>{p.contactName ?? '—'}</Table.Td>
                    <Table.Td className="num">{p.paymentTermsDays}</Table.Td>
                    <Table.Td>
                      {p.updatedBy?.name ?? '—'} <small className="muted">{formatDate(p.updatedAt)}</small>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          {hasMore ? (
            <button type="button" className="button button-secondary load-more" onClick={() => void loadMore()} disabled={loadingMore || loading}>
              {loadingMore ? t('list.loading') : t('list.loadMore')}
            </button>
          ) : null}
        </>
      )}
    </>
  );
}
