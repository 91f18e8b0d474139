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
import { formatRate } from '@comptoir/schema';
import { ArticlesQuery } from './article.operations';
import '../documents/documents.css';
import { isRefused, isRetryable } from '../../ui/api-error';
import { TableScroll } from '../../ui/table-scroll';
import { usePagedList } from '../../ui/use-paged-list';

/** Articles: search, active only, purchase price and margin for the profiles that may see them. */
export default function ArticleListPage() {
  const i18n = useI18n();
  const { t, formatAmount } = i18n;
  const { profile } = useSession();
  const money = (v: number | null | undefined) => (typeof v === 'number' ? formatAmount(v) : '—');
  const rate = (v: string | null | undefined) => (typeof v === 'string' ? formatRate(v) : '—');
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const activeOnly = params.get('actifs') === '1';
  const [text, setText] = useState(search);
  const withCosts = allowed(PARTY_ACCESS.articleCosts, profile);
  const { data, error, refetch, fetchMore, loading } = useQuery(ArticlesQuery, {
    variables: { first: 50, search: search || null, activeOnly: activeOnly || null, withCosts },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const list = data?.list;
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const { hasMore, loadMore, loadingMore } = usePagedList(list, fetchMore);

  return (
    <>
      <PageHeader
        title={t('article.list')}
        actions={
          allowed(PARTY_ACCESS.articles.write, profile) ? (
            <Link className="button" to="/articles/nouveau">
              {t('article.new')}
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
            set('q', text.trim());
          }}
        >
          <label className="field field-wide">
            <span>{t('list.search')}</span>
            <input type="search" value={text} placeholder={t('article.searchPlaceholder')} onChange={(e) => setText(e.target.value)} onBlur={() => set('q', text.trim())} />
          </label>
          <label className="field field-check">
            <input type="checkbox" checked={activeOnly} onChange={(e) => set('actifs', e.target.checked ? '1' : '')} />
            <span>{t('article.activeOnly')}</span>
          </label>
        </form>
      )}
      {error && !list ? (
        <ErrorMessage title={t('error.title')} message={errorText(i18n, error)} retryLabel={isRetryable(error) ? t('error.retry') : undefined} onRetry={isRetryable(error) ? () => void refetch() : undefined} />
      ) : !list ? (
        <TableSkeleton label={t('list.loading')} />
      ) : list.nodes.length === 0 ? (
        <p className="empty-state" data-testid="empty-state">
          {search || activeOnly ? t('list.noMatch') : t('article.empty')}
        </p>
      ) : (
        <>
          <p className="muted small">{t('list.count', { shown: list.nodes.length, total: list.totalCount })}</p>
          <TableScroll>
            <Table data-testid="article-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('field.reference')}</Table.Th>
                  <Table.Th scope="col">{t('field.label')}</Table.Th>
                  <Table.Th scope="col">{t('field.unit')}</Table.Th>
                  <Table.Th scope="col" className="num">
                    {t('field.salePriceCents')}
                  </Table.Th>
                  {withCosts ? (
                    <>
                      <Table.Th scope="col" className="num">
                        {t('field.purchasePriceCents')}
                      </Table.Th>
                      <Table.Th scope="col" className="num">
                        {t('field.marginCents')}
                      </Table.Th>
                      <Table.Th scope="col" className="num">
                        {t('field.marginRate')}
                      </Table.Th>
                    </>
                  ) : null}
                  <Table.Th scope="col" className="num">
                    {t('field.vatRate')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.nodes.map((a) => (
                  <Table.Tr key={a.id} data-testid="article-row">
                    <Table.Td>
                      <Link to={`/articles/${a.id}`}>{a.reference}</Link>
                    </Table.Td>
                    <Table.Td>
                      {a.label} {a.active ? null : <small className="muted">({t('article.inactive')})</small>}
                    </Table.Td>
                    <Table.Td>{a.unit}</Table.Td>
                    <Table.Td className="num">{formatAmount(a.salePriceCents)}</Table.Td>
                    {withCosts ? (
                      <>
                        <Table.Td className="num">{money(a.purchasePriceCents)}</Table.Td>
                        <Table.Td className="num">{money(a.marginCents)}</Table.Td>
                        <Table.Td className="num">{rate(a.marginRate)}</Table.Td>
                      </>
                    ) : null}
                    <Table.Td className="num">{formatRate(a.vatRate)}</Table.Td>
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
