import { Table } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { memo, useDeferredValue, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DocumentType, shortId } from '@comptoir/schema';
import { useSession } from '../../app/auth';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import { getFragmentData } from '../../gql';
import type { DocumentFilter, DocumentListFieldsFragment as ListNode, DocumentSort, DocumentSortField } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/error-message';
import { Cell, Row } from '../../ui/table-rows';
import { TableSkeleton } from '../../ui/table-skeleton';
import { PageHeader } from '../../ui/page-header';
import { CustomerOptionsQuery, SupplierOptionsQuery } from '../parties/party.operations';
import { errorText } from './document-errors';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, documentPath, mayWrite } from './document-kinds';
import {
  CreditNotesQuery,
  DocumentListFieldsFragment,
  DossierMembersQuery,
  InvoicesQuery,
  PriceRequestsQuery,
  QuotesQuery,
  SupplierOrdersQuery,
} from './document.operations';
import { DocumentStatusBadge, useStatusLabel } from './ui-bits';
import './documents.css';
import { DateField } from '../../ui/date-field';
import { isRefused, isRetryable } from '../../ui/api-error';
import { TableScroll } from '../../ui/table-scroll';
import { usePagedList } from '../../ui/use-paged-list';
import { listVariables } from './list-variables';

const LIST_QUERIES = {
  [DocumentType.QUOTE]: QuotesQuery,
  [DocumentType.INVOICE]: InvoicesQuery,
  [DocumentType.CREDIT_NOTE]: CreditNotesQuery,
  [DocumentType.PRICE_REQUEST]: PriceRequestsQuery,
  [DocumentType.SUPPLIER_ORDER]: SupplierOrdersQuery,
} as const;

// One collator for every comparison: `localeCompare(other, 'fr')` builds one per call (a tenth of a
// second of sorting the user filter's names on a slowed phone CPU).
const BY_NAME = new Intl.Collator('fr');

const SORT_FIELDS: DocumentSortField[] = ['DATE', 'NUMBER', 'PARTY_NAME', 'TOTAL', 'UPDATED_AT', 'CREATED_AT'];

/** Filters live in the URL so a filtered list can be bookmarked and survives a reload. */
function useListParams() {
  const [params, setParams] = useSearchParams();
  const get = (name: string) => params.get(name) ?? '';
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  return { get, set, reset: () => setParams(new URLSearchParams(), { replace: true }), any: [...params.keys()].length > 0, all: params };
}

/** The list of one document type: filters, sort, "Charger plus", empty states. */
export default function DocumentListPage({ type }: { type: DocumentType }) {
  const i18n = useI18n();
  const statusLabel = useStatusLabel();
  const { t } = i18n;
  const session = useSession();
  const kind = DOCUMENT_KINDS[type];
  const params = useListParams();
  const [searchText, setSearchText] = useState(params.get('q'));

  // The same variables as the start-up preload's (src/boot/boot.ts): its answer, when there is one, is used.
  const variables = listVariables(params.all, type === DocumentType.INVOICE) as { first: number; filter: DocumentFilter; sort: DocumentSort };
  const sort = variables.sort;
  const { data, loading, error, fetchMore, refetch } = useQuery(LIST_QUERIES[type] as typeof QuotesQuery, {
    variables,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });

  const customers = useQuery(CustomerOptionsQuery, { skip: kind.side !== 'sales', variables: {} });
  const suppliers = useQuery(SupplierOptionsQuery, { skip: kind.side !== 'purchases', variables: {} });
  const partyOptions = (kind.side === 'sales' ? customers.data?.list.nodes : suppliers.data?.list.nodes) ?? [];
  const members = useQuery(DossierMembersQuery);

  // Apollo hands results over through useSyncExternalStore, whose renders React runs in one piece:
  // deferred, the render that mounts the rows is interruptible (as on the dashboard), instead of
  // one long task on a phone when the list (preloaded at start-up) arrives with the page.
  const list = useDeferredValue(data?.list);
  const nodes = useMemo(() => (list ? getFragmentData(DocumentListFieldsFragment, list.nodes) : []), [list]);
  const userOptions = useMemo(() => {
    const users = new Map<string, string>();
    for (const m of members.data?.colleagues ?? []) users.set(m.id, m.name);
    for (const d of nodes) {
      if (d.createdBy) users.set(d.createdBy.id, d.createdBy.name);
      if (d.updatedBy) users.set(d.updatedBy.id, d.updatedBy.name);
    }
    if (session.user) users.set(session.user.id, `${t('list.me')} (${session.user.name})`);
    for (const id of [params.get('creePar'), params.get('modifiePar')]) if (id && !users.has(id)) users.set(id, shortId(id));
    return [...users.entries()].sort((a, b) => BY_NAME.compare(a[1], b[1]));
  }, [members.data, nodes, session.user, params, t]);

  const { hasMore, loadMore, loadingMore } = usePagedList(list, fetchMore);

  const userSelect = (name: 'creePar' | 'modifiePar', label: MessageKey) => (
    <label className="field">
      <span>{t(label)}</span>
      <select value={params.get(name)} onChange={(e) => params.set(name, e.target.value)}>
        <option value="">{t('list.anyone')}</option>
        {userOptions.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <>
      <PageHeader
        title={t(kind.plural)}
        actions={
          mayWrite(type, session.profile) && kind.creatable ? (
            <Link className="button" to={`${kind.path}/nouveau`}>
              {t(kind.newLabel)}
            </Link>
          ) : null
        }
      />
      {/* A refused profile gets the reason only: filters would be useless. */}
      {isRefused(error) ? null : (
        <form
          className="list-filters"
          aria-label={t('list.filters')}
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            params.set('q', searchText.trim());
          }}
        >
          <label className="field field-wide">
            <span>{t('list.search')}</span>
            <input type="search" value={searchText} placeholder={t('list.searchPlaceholder')} onChange={(e) => setSearchText(e.target.value)} onBlur={() => params.set('q', searchText.trim())} />
          </label>
          <label className="field">
            <span>{t('list.status')}</span>
            <select value={params.get('statut')} onChange={(e) => params.set('statut', e.target.value)}>
              <option value="">{t('list.allStatuses')}</option>
              {DOCUMENT_STATUSES[type].map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s, type)}
                </option>
              ))}
            </select>
          </label>
          {type === DocumentType.INVOICE ? (
            <label className="field field-check">
              <input type="checkbox" checked={params.get('retard') === '1'} onChange={(e) => params.set('retard', e.target.checked ? '1' : '')} data-testid="filter-overdue" />
              <span>{t('list.overdue')}</span>
            </label>
          ) : null}
          <DateField label={t('list.dateFrom')} value={params.get('du')} onChange={(value) => params.set('du', value)} />
          <DateField label={t('list.dateTo')} value={params.get('au')} onChange={(value) => params.set('au', value)} />
          <label className="field">
            <span>{kind.side === 'sales' ? t('doc.customer') : t('doc.supplier')}</span>
            <select value={params.get('tiers')} onChange={(e) => params.set('tiers', e.target.value)}>
              <option value="">{t('list.allParties')}</option>
              {partyOptions.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.legalName}
                </option>
              ))}
            </select>
          </label>
          {userSelect('creePar', 'list.createdBy')}
          {userSelect('modifiePar', 'list.updatedBy')}
          <label className="field">
            <span>{t('list.sort')}</span>
            <select value={sort.field} onChange={(e) => params.set('tri', e.target.value === 'DATE' ? '' : e.target.value)}>
              {SORT_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {t(`list.sort.${f}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('list.direction')}</span>
            <select value={sort.direction} onChange={(e) => params.set('ordre', e.target.value === 'DESC' ? '' : e.target.value)}>
              <option value="DESC">{t('list.desc')}</option>
              <option value="ASC">{t('list.asc')}</option>
            </select>
          </label>
          {params.any ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setSearchText('');
                params.reset();
              }}
            >
              {t('list.reset')}
            </button>
          ) : null}
        </form>
      )}

      {error && !list ? (
        <ErrorMessage title={t('error.title')} message={errorText(i18n, error)} retryLabel={isRetryable(error) ? t('error.retry') : undefined} onRetry={isRetryable(error) ? () => void refetch() : undefined} />
      ) : !list ? (
        <TableSkeleton label={t('list.loading')} />
      ) : nodes.length === 0 ? (
        <p className="empty-state" data-testid="empty-state">
          {params.any ? t('list.noMatch') : t(kind.emptyLabel)}
        </p>
      ) : (
        <>
          <p className="muted small" data-testid="list-count" data-total={list.count.value} data-more={list.count.more}>
            {/* Counted up to 1,000 (a bounded cost whatever the dossier's size), then « plus de 1 000 ». */}
            {t(list.count.more ? 'list.countMore' : 'list.count', { shown: nodes.length, total: list.count.value.toLocaleString(i18n.language) })}
          </p>
          <TableScroll>
            <Table data-testid="document-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('list.col.number')}</Table.Th>
                  <Table.Th scope="col">{t('list.col.date')}</Table.Th>
                  <Table.Th scope="col">{kind.side === 'sales' ? t('doc.customer') : t('doc.supplier')}</Table.Th>
                  <Table.Th scope="col">{t('list.col.status')}</Table.Th>
                  <Table.Th scope="col" className="num">
                    {t('list.col.totalExcl')}
                  </Table.Th>
                  <Table.Th scope="col" className="num">
                    {t('list.col.totalIncl')}
                  </Table.Th>
                  <Table.Th scope="col">{t('list.col.createdBy')}</Table.Th>
                  <Table.Th scope="col">{t('list.col.updatedBy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <ListRows nodes={nodes} />
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

// The rows in a component of their own: the filters' options (customers, users) arrive after the
// list and re-render the page; the 50 rows then stay as they are instead of being rendered again.
const ListRows = memo(function ListRows({ nodes }: { nodes: readonly ListNode[] }) {
  const { t, formatAmount, formatDate } = useI18n();
  return (
    <Table.Tbody>
      {nodes.map((d) => (
        <Row key={d.id} data-testid="document-row">
          <Cell>
            <Link to={documentPath(d.type, d.id)}>{d.number ?? t('doc.noNumber')}</Link>
          </Cell>
          <Cell>{formatDate(d.date)}</Cell>
          <Cell>{d.partyName || '—'}</Cell>
          <Cell>
            <DocumentStatusBadge type={d.type} status={d.status} />
            {'daysLate' in d && typeof d.daysLate === 'number' ? (
              <small className="late" data-testid="days-late">
                {' '}
                {t('list.daysLate', { days: d.daysLate })}
              </small>
            ) : null}
          </Cell>
          <Cell className="num">{formatAmount(d.totalExclVatCents)}</Cell>
          <Cell className="num">{formatAmount(d.totalInclVatCents)}</Cell>
          <Cell>{d.createdBy?.name ?? '—'}</Cell>
          <Cell>
            {d.updatedBy?.name ?? '—'} <small className="muted">{formatDate(d.updatedAt)}</small>
          </Cell>
        </Row>
      ))}
    </Table.Tbody>
  );
});
