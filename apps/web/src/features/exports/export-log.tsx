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
        <div className="table-scroll">
          <TableScroll>
            <table className="data-table" data-testid="export-log">
              <thead>
                <tr>
                  <th>{t('exports.log.when')}</th>
                  <th>{t('exports.log.who')}</th>
                  <th>{t('exports.log.what')}</th>
                  <th>{t('exports.log.format')}</th>
                  <th>{t('exports.log.filters')}</th>
                  <th className="num">{t('exports.log.rows')}</th>
                  <th className="num">{t('exports.log.duration')}</th>
                  <th>{t('exports.log.status')}</th>
                </tr>
              </thead>
              <tbody>
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
                    <tr key={log.id} data-status={log.status}>
                      <td>{formatDateTime(log.createdAt)}</td>
                      <td>{log.user?.name ?? '—'}</td>
                      <td>{t(`exports.kind.${log.kind}`)}</td>
                      <td>{log.format === 'XLSX' ? '.xlsx' : 'CSV'}</td>
                      <td>{filters || t('exports.filter.any')}</td>
                      <td className="num">{log.rowsWritten.toLocaleString('fr-FR')}</td>
                      <td className="num">{log.durationMs === null || log.durationMs === undefined ? '—' : `${(log.durationMs / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s`}</td>
                      <td>
                        <StatusBadge tone={TONE[log.status] ?? 'neutral'}>{t(`exports.status.${log.status}`)}</StatusBadge>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </div>
      ) : null}
      {hasMore ? (
        <button type="button" className="button button-secondary" disabled={loadingMore} onClick={() => void loadMore()}>
          {t('exports.log.more')}
        </button>
      ) : null}
    </Card>
  );
}
