import { Table } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../app/i18n/i18n';
import { graphql } from '../../gql';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { StatusBadge } from '../../ui/status-badge';
import { TableScroll } from '../../ui/table-scroll';
import { TableSkeleton } from '../../ui/table-skeleton';
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
        {loading && !page ? <TableSkeleton label={t('app.loading')} /> : null}
        {page ? (
          <>
            <p className="muted">{t('admin.outbox.total', { count: page.totalCount })}</p>
            <TableScroll>
              <Table data-testid="admin-outbox">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.outbox.date')}</Table.Th>
                    <Table.Th>{t('admin.outbox.to')}</Table.Th>
                    <Table.Th>{t('admin.outbox.subject')}</Table.Th>
                    <Table.Th>{t('admin.outbox.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.nodes.map((m) => (
                    <Table.Tr key={m.id} data-to={m.to}>
                      <Table.Td>{formatDateTime(m.createdAt)}</Table.Td>
                      <Table.Td>{m.to}</Table.Td>
                      <Table.Td>
                        <details>
                          <summary>{m.subject}</summary>
                          <pre className="mail-text">{m.text}</pre>
                        </details>
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge tone={m.status === 'failed' ? 'danger' : m.status === 'sent' ? 'success' : 'neutral'}>
                          {m.status === 'failed' || m.status === 'sent' || m.status === 'logged' ? t(`admin.outbox.status.${m.status}`) : m.status}
                        </StatusBadge>
                        {m.error ? <div className="muted">{m.error}</div> : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
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
