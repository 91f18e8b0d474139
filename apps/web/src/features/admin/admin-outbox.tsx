import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../app/i18n/i18n';
import { graphql } from '../../gql';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { Loading } from '../../ui/loading';
import { StatusBadge } from '../../ui/status-badge';
import { TableScroll } from '../../ui/table-scroll';
import { usePagedList } from '../../ui/use-paged-list';

const OutboxQuery = graphql(`
  query AdminOutbox($first: Int!, $after: String) {
    adminOutbox(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        createdAt
        to
        subject
        text
        status
        error
      }
    }
  }
`);

const PAGE = 25;

/** The mail outbox (what the app sent or, without SMTP, kept), newest first. */
export function AdminOutboxSection() {
  const { t, formatDateTime } = useI18n();
  const { data, loading, error, fetchMore } = useQuery(OutboxQuery, { variables: { first: PAGE }, fetchPolicy: 'network-only' });
  const page = data?.adminOutbox;
  const { hasMore, loadMore, loadingMore } = usePagedList(page, fetchMore);
  return (
    <div className="stack">
      <Card title={t('admin.tab.outbox')}>
        {error ? <ApiError error={error} /> : null}
        {loading && !page ? <Loading label={t('app.loading')} /> : null}
        {page ? (
          <>
            <p className="muted">{t('admin.outbox.total', { count: page.totalCount })}</p>
            <TableScroll>
              <table className="data-table" data-testid="admin-outbox">
                <thead>
                  <tr>
                    <th>{t('admin.outbox.date')}</th>
                    <th>{t('admin.outbox.to')}</th>
                    <th>{t('admin.outbox.subject')}</th>
                    <th>{t('admin.outbox.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.nodes.map((m) => (
                    <tr key={m.id} data-to={m.to}>
                      <td>{formatDateTime(m.createdAt)}</td>
                      <td>{m.to}</td>
                      <td>
                        <details>
                          <summary>{m.subject}</summary>
                          <pre className="mail-text">{m.text}</pre>
                        </details>
                      </td>
                      <td>
                        <StatusBadge tone={m.status === 'failed' ? 'danger' : m.status === 'sent' ? 'success' : 'neutral'}>
                          {m.status === 'failed' || m.status === 'sent' || m.status === 'logged' ? t(`admin.outbox.status.${m.status}`) : m.status}
                        </StatusBadge>
                        {m.error ? <div className="muted">{m.error}</div> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            {hasMore ? (
              <div className="form-actions">
                <button type="button" className="button button-secondary" disabled={loadingMore} onClick={() => void loadMore()}>
                  {t('admin.outbox.more')}
                </button>
              </div>
            ) : null}
          </>
        ) : null}
      </Card>
    </div>
  );
}
