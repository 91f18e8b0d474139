import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useI18n } from '../../app/i18n/i18n';
import { getFragmentData } from '../../gql';
import type { ExportFormat } from '../../gql/graphql';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { Loading } from '../../ui/loading';
import { ExportLog } from './export-log';
import { ExportProgress } from './export-progress';
import { ExportsHeader } from './exports-tabs';
import { ActionSummaryQuery, ExportJobFields, StartActionSummaryExportMutation } from './exports.operations';
import { useExportDownload } from './use-export-download';
import { DateField } from '../../ui/date-field';
import { TableScroll } from '../../ui/table-scroll';

function monthStart(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), 1)).toISOString().slice(0, 10);
}

/** STATS / Exports avancés — Récapitulatif des actions: each user's actions per document type over a period. */
export default function ActionSummaryPage() {
  const { t } = useI18n();
  const [from, setFrom] = useState(monthStart);
  const [to, setTo] = useState(() => new Date().toISOString().slice(0, 10));
  const { data, loading, error } = useQuery(ActionSummaryQuery, { variables: { from: from || null, to: to || null }, fetchPolicy: 'cache-and-network' });
  const [start] = useMutation(StartActionSummaryExportMutation);
  const download = useExportDownload();
  const exportAs = (format: ExportFormat) =>
    void download.run(async () => {
      const result = await start({ variables: { input: { format, from: from || null, to: to || null } } });
      return getFragmentData(ExportJobFields, result.data?.startActionSummaryExport);
    });
  const rows = data?.actionSummary.rows ?? [];
  return (
    <div className="exports">
      <ExportsHeader intro={t('exports.actions.intro')} />
      <div className="stack">
        <Card title={t('exports.nav.actions')}>
          <div className="actions-row">
            <DateField label={t('exports.filter.from')} value={from} onChange={setFrom} />
            <DateField label={t('exports.filter.to')} value={to} onChange={setTo} />
            <button type="button" className="button" disabled={download.state.phase === 'running'} onClick={() => exportAs('XLSX')}>
              {t('exports.export.xlsx')}
            </button>
            <button type="button" className="button button-secondary" disabled={download.state.phase === 'running'} onClick={() => exportAs('CSV')}>
              {t('exports.export.csv')}
            </button>
          </div>
          <ExportProgress state={download.state} onCancel={() => void download.cancel()} />
          {error ? <ApiError error={error} /> : null}
          {loading && !data ? <Loading label={t('app.loading')} /> : null}
          {data && rows.length === 0 ? <p className="muted">{t('exports.actions.empty')}</p> : null}
          {rows.length ? (
            <div className="table-scroll">
              <TableScroll>
                <table className="data-table" data-testid="action-summary">
                  <thead>
                    <tr>
                      <th>{t('exports.actions.user')}</th>
                      <th>{t('exports.actions.type')}</th>
                      <th className="num">{t('exports.actions.created')}</th>
                      <th className="num">{t('exports.actions.modified')}</th>
                      <th className="num">{t('exports.actions.issued')}</th>
                      <th className="num">{t('exports.actions.converted')}</th>
                      <th className="num">{t('exports.actions.deleted')}</th>
                      <th className="num">{t('exports.actions.total')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={`${r.user?.id ?? '?'}:${r.documentType ?? '-'}`}>
                        <td>{r.user?.name ?? '—'}</td>
                        <td>{r.documentType ? t(`doc.type.${r.documentType}`) : t('exports.actions.deletedType')}</td>
                        <td className="num">{r.created}</td>
                        <td className="num">{r.modified}</td>
                        <td className="num">{r.issued}</td>
                        <td className="num">{r.converted}</td>
                        <td className="num">{r.deleted}</td>
                        <td className="num">{r.total}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </div>
          ) : null}
        </Card>
        <ExportLog />
      </div>
    </div>
  );
}
