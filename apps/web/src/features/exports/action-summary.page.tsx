import { Table } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useI18n } from '../../app/i18n/i18n';
import { getFragmentData } from '../../gql';
import type { ExportFormat } from '../../gql/graphql';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { ExportLog } from './export-log';
import { ExportProgress } from './export-progress';
import { ExportsHeader } from './exports-tabs';
import { ActionSummaryQuery, ExportJobFields, StartActionSummaryExportMutation } from './exports.operations';
import { useExportDownload } from './use-export-download';
import { DateField } from '../../ui/date-field';
import { TableScroll } from '../../ui/table-scroll';
import { TableSkeleton } from '../../ui/table-skeleton';

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
          {loading && !data ? <TableSkeleton label={t('app.loading')} /> : null}
          {data && rows.length === 0 ? <p className="muted">{t('exports.actions.empty')}</p> : null}
          {rows.length ? (
            <TableScroll>
              <Table data-testid="action-summary">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('exports.actions.user')}</Table.Th>
                    <Table.Th>{t('exports.actions.type')}</Table.Th>
                    <Table.Th className="num">{t('exports.actions.created')}</Table.Th>
                    <Table.Th className="num">{t('exports.actions.modified')}</Table.Th>
                    <Table.Th className="num">{t('exports.actions.issued')}</Table.Th>
                    <Table.Th className="num">{t('exports.actions.converted')}</Table.Th>
                    <Table.Th className="num">{t('exports.actions.deleted')}</Table.Th>
                    <Table.Th className="num">{t('exports.actions.total')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={`${r.user?.id ?? '?'}:${r.documentType ?? '-'}`}>
                      <Table.Td>{r.user?.name ?? '—'}</Table.Td>
                      <Table.Td>{r.documentType ? t(`doc.type.${r.documentType}`) : t('exports.actions.deletedType')}</Table.Td>
                      <Table.Td className="num">{r.created}</Table.Td>
                      <Table.Td className="num">{r.modified}</Table.Td>
                      <Table.Td className="num">{r.issued}</Table.Td>
                      <Table.Td className="num">{r.converted}</Table.Td>
                      <Table.Td className="num">{r.deleted}</Table.Td>
                      <Table.Td className="num">{r.total}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          ) : null}
        </Card>
        <ExportLog />
      </div>
    </div>
  );
}
