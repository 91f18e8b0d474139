import { Table } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../app/i18n/i18n';
import { getFragmentData } from '../../gql';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { StatusBadge, type Tone } from '../../ui/status-badge';
import { ExportJobFields, ExportLogsQuery } from './exports.operations';
import { TableScroll } from '../../ui/table-scroll';
import { usePagedList } from '../../ui/use-paged-list';

const TONE: Record<string, Tone> = { COMPLETED: 'success', RUNNING: 'neutral', PENDING: 'neutral', CANCELLED: 'warning', FAILED: 'danger' };

/** Journal des exports: who exported what, when, how many rows. */
export function ExportLog() {
  const { t, formatDate, formatDateTime } = useI18n();
  const { data, error, fetchMore } = useQuery(ExportLogsQuery, { variables: { first: 20 }, fetchPolicy: 'cache-and-network' });
  const page = data?.exportLogs;
  const { hasMore, loadMore, loadingMore } = usePagedList(page, fetchMore);
  const nodes = (page?.nodes ?? []).map((n) => getFragmentData(ExportJobFields, n));
  return (
    <Card title={t('exports.log')}>
      {error ? <ApiError error={error} /> : null}
      {page && nodes.length === 0 ? <p className="muted">{t('exports.log.empty')}</p> : null}
      {nodes.length ? (
        <TableScroll>
          <Table data-testid="export-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('exports.log.when')}</Table.Th>
                <Table.Th>{t('exports.log.who')}</Table.Th>
                <Table.Th>{t('exports.log.what')}</Table.Th>
                <Table.Th>{t('exports.log.format')}</Table.Th>
                <Table.Th>{t('exports.log.filters')}</Table.Th>
                <Table.Th className="num">{t('exports.log.rows')}</Table.Th>
                <Table.Th className="num">{t('exports.log.duration')}</Table.Th>
                <Table.Th>{t('exports.log.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nodes.map((log) => {
                const f = log.filter;
                const filters = f
                  ? [
                      f.types.map((type) => t(`doc.type.${type}`)).join(', '),
                      f.statuses.map((s) => t(`doc.status.${s}`)).join(', '),
                      f.from ? `${t('exports.filter.from')} ${formatDate(f.from)}` : '',
                      f.to ? `${t('exports.filter.to')} ${formatDate(f.to)}` : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')
                  : [log.periodFrom ? `${t('exports.filter.from')} ${formatDate(log.periodFrom)}` : '', log.periodTo ? `${t('exports.filter.to')} ${formatDate(log.periodTo)}` : '']
                      .filter(Boolean)
                      .join(' · ');
                return (
                  <Table.Tr key={log.id} data-status={log.status}>
                    <Table.Td>{formatDateTime(log.createdAt)}</Table.Td>
                    <Table.Td>{log.user?.name ?? '—'}</Table.Td>
                    <Table.Td>{t(`exports.kind.${log.kind}`)}</Table.Td>
                    <Table.Td>{log.format === 'XLSX' ? '.xlsx' : 'CSV'}</Table.Td>
                    <Table.Td>{filters || t('exports.filter.any')}</Table.Td>
                    <Table.Td className="num">{log.rowsWritten.toLocaleString('fr-FR')}</Table.Td>
                    <Table.Td className="num">{log.durationMs === null || log.durationMs === undefined ? '—' : `${(log.durationMs / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s`}</Table.Td>
                    <Table.Td>
                      <StatusBadge tone={TONE[log.status] ?? 'neutral'}>{t(`exports.status.${log.status}`)}</StatusBadge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      {hasMore ? (
        <button type="button" className="button button-secondary" disabled={loadingMore} onClick={() => void loadMore()}>
          {t('exports.log.more')}
        </button>
      ) : null}
    </Card>
  );
}
