import { Table } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useI18n } from '../../app/i18n/i18n';
import { getFragmentData } from '../../gql';
import type { DocumentStatus, DocumentType, ExportColumnType, ExportFilterInput, ExportFormat } from '../../gql/graphql';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { ExportLog } from './export-log';
import { ExportProgress } from './export-progress';
import { ExportsHeader } from './exports-tabs';
import {
  DeleteExportPresetMutation,
  ExportJobFields,
  ExportPreviewQuery,
  ExportSetupQuery,
  SaveExportPresetMutation,
  StartDocumentsExportMutation,
} from './exports.operations';
import { useExportDownload } from './use-export-download';
import { DateField } from '../../ui/date-field';
import { Loading } from '../../ui/loading';
import { TableScroll } from '../../ui/table-scroll';

const TYPES: DocumentType[] = ['QUOTE', 'INVOICE', 'CREDIT_NOTE', 'PRICE_REQUEST', 'SUPPLIER_ORDER'];
const STATUSES: DocumentStatus[] = ['DRAFT', 'SENT', 'ACCEPTED', 'REFUSED', 'ISSUED', 'PAID', 'ANSWERED', 'CLOSED', 'RECEIVED', 'CANCELLED'];
const PREVIEW_ROWS = 20;

interface Filters {
  types: DocumentType[];
  statuses: DocumentStatus[];
  from: string;
  to: string;
  partyId: string;
  createdById: string;
  updatedById: string;
}

const NO_FILTERS: Filters = { types: [], statuses: [], from: '', to: '', partyId: '', createdById: '', updatedById: '' };

function toInput(f: Filters): ExportFilterInput {
  return {
    types: f.types.length ? f.types : null,
    statuses: f.statuses.length ? f.statuses : null,
    from: f.from || null,
    to: f.to || null,
    partyId: f.partyId || null,
    createdById: f.createdById || null,
    updatedById: f.updatedById || null,
  };
}

const toggle = <T,>(list: T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

/** STATS / Exports avancés — Liste des pièces: filters, Paramètres (columns, presets), preview, export with progress, log. */
export default function DocumentsExportPage() {
  const { t, language, formatAmount, formatDate, formatDateTime } = useI18n();
  const setup = useQuery(ExportSetupQuery, { fetchPolicy: 'cache-and-network' });
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [columns, setColumns] = useState<string[] | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [presetName, setPresetName] = useState('');
  const [presetShared, setPresetShared] = useState(false);
  const [presetMessage, setPresetMessage] = useState<string | null>(null);
  const download = useExportDownload();

  const catalogue = useMemo(() => setup.data?.exportColumns ?? [], [setup.data]);
  const byKey = useMemo(() => new Map(catalogue.map((c) => [c.key, c])), [catalogue]);
  useEffect(() => {
    if (columns === null && catalogue.length) setColumns(catalogue.filter((c) => c.defaultSelected).map((c) => c.key));
  }, [catalogue, columns]);
  const chosen = columns ?? [];
  const filterInput = useMemo(() => toInput(filters), [filters]);

  const preview = useQuery(ExportPreviewQuery, {
    variables: { filter: filterInput, columns: chosen, first: PREVIEW_ROWS },
    skip: chosen.length === 0,
    fetchPolicy: 'cache-and-network',
  });
  const [savePreset, saving] = useMutation(SaveExportPresetMutation, { refetchQueries: [ExportSetupQuery] });
  const [deletePreset] = useMutation(DeleteExportPresetMutation, { refetchQueries: [ExportSetupQuery] });
  const [startExport] = useMutation(StartDocumentsExportMutation);

  const label = (key: string) => {
    const c = byKey.get(key);
    return c ? (language === 'fr' ? c.labelFr : c.labelEn) : key;
  };
  const formatCell = (type: ExportColumnType, value: string | null | undefined) => {
    if (value === null || value === undefined || value === '') return '';
    switch (type) {
      case 'MONEY':
        return formatAmount(value);
      case 'DATE':
        return formatDate(value);
      case 'DATETIME':
        return formatDateTime(value);
      default:
        return value;
    }
  };
  const move = (index: number, delta: number) =>
    setColumns((list) => {
      const next = [...(list ?? [])];
      const target = index + delta;
      if (target < 0 || target >= next.length) return next;
      [next[index], next[target]] = [next[target], next[index]];
      return next;
    });
  const exportAs = (format: ExportFormat) =>
    void download.run(async () => {
      const result = await startExport({ variables: { input: { format, filter: filterInput, columns: chosen } } });
      return getFragmentData(ExportJobFields, result.data?.startDocumentsExport);
    });

  const members = setup.data?.dossierUsers.members ?? [];
  const parties = [...(setup.data?.customers.nodes ?? []), ...(setup.data?.suppliers.nodes ?? [])].sort((a, b) => a.legalName.localeCompare(b.legalName, 'fr'));
  const running = download.state.phase === 'running';

  return (
    <div className="exports">
      <ExportsHeader intro={t('exports.documents.intro')} />
      <div className="stack">
        {setup.error ? <ApiError error={setup.error} /> : null}
        {setup.loading && !setup.data ? <Loading label={t('app.loading')} /> : null}
        {setup.data ? (
          <>
            <Card
              title={t('exports.filters')}
              actions={
                <button type="button" className="button button-secondary" onClick={() => setFilters(NO_FILTERS)}>
                  {t('exports.filter.reset')}
                </button>
              }
            >
              <div className="filters" data-testid="export-filters">
                <fieldset>
                  <legend>{t('exports.filter.types')}</legend>
                  {TYPES.map((type) => (
                    <label key={type}>
                      <input type="checkbox" checked={filters.types.includes(type)} onChange={() => setFilters((f) => ({ ...f, types: toggle(f.types, type) }))} />
                      {t(`doc.type.${type}`)}
                    </label>
                  ))}
                </fieldset>
                <fieldset>
                  <legend>{t('exports.filter.statuses')}</legend>
                  {STATUSES.map((status) => (
                    <label key={status}>
                      <input type="checkbox" checked={filters.statuses.includes(status)} onChange={() => setFilters((f) => ({ ...f, statuses: toggle(f.statuses, status) }))} />
                      {t(`doc.status.${status}`)}
                    </label>
                  ))}
                </fieldset>
                <div className="field">
                  <DateField label={t('exports.filter.from')} value={filters.from} onChange={(from) => setFilters((f) => ({ ...f, from }))} />
                  <DateField label={t('exports.filter.to')} value={filters.to} onChange={(to) => setFilters((f) => ({ ...f, to }))} />
                  <label>
                    {t('exports.filter.party')}
                    <select value={filters.partyId} onChange={(e) => setFilters((f) => ({ ...f, partyId: e.target.value }))}>
                      <option value="">{t('exports.filter.any')}</option>
                      {parties.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.legalName}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t('exports.filter.createdBy')}
                    <select value={filters.createdById} onChange={(e) => setFilters((f) => ({ ...f, createdById: e.target.value }))}>
                      <option value="">{t('exports.filter.any')}</option>
                      {members.map((m) => (
                        <option key={m.userId} value={m.userId}>
                          {m.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t('exports.filter.updatedBy')}
                    <select value={filters.updatedById} onChange={(e) => setFilters((f) => ({ ...f, updatedById: e.target.value }))}>
                      <option value="">{t('exports.filter.any')}</option>
                      {members.map((m) => (
                        <option key={m.userId} value={m.userId}>
                          {m.name}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
              </div>
            </Card>

            <Card
              title={t('exports.settings')}
              actions={
                <button type="button" className="button button-secondary" aria-expanded={settingsOpen} onClick={() => setSettingsOpen((o) => !o)}>
                  {t('exports.settings')}
                </button>
              }
            >
              <div className="actions-row">
                <label className="field">
                  {t('exports.presets.load')}
                  <select
                    aria-label={t('exports.presets.load')}
                    value=""
                    onChange={(e) => {
                      const preset = setup.data?.exportPresets.find((p) => p.id === e.target.value);
                      if (preset) {
                        setColumns(preset.columns.filter((k) => byKey.has(k)));
                        setPresetName(preset.name);
                        setPresetShared(preset.shared);
                      }
                    }}
                  >
                    <option value="">{t('exports.presets.choose')}</option>
                    {setup.data.exportPresets.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name} ({p.mine ? (p.shared ? t('exports.presets.shared') : t('exports.presets.private')) : t('exports.presets.sharedBy', { name: p.owner?.name ?? '' })})
                      </option>
                    ))}
                  </select>
                </label>
                <span className="note">{chosen.map(label).join(', ')}</span>
              </div>
              {settingsOpen ? (
                <div className="settings-panel" data-testid="export-settings">
                  <div>
                    <p className="note">{t('exports.settings.intro')}</p>
                    {(['DOCUMENT', 'USER_ACTION'] as const).map((group) => (
                      <fieldset key={group}>
                        <legend>{t(`exports.settings.group.${group}`)}</legend>
                        {catalogue
                          .filter((c) => c.group === group)
                          .map((c) => (
                            <label key={c.key} title={c.description}>
                              <input type="checkbox" checked={chosen.includes(c.key)} onChange={() => setColumns((list) => toggle(list ?? [], c.key))} />
                              {label(c.key)}
                            </label>
                          ))}
                      </fieldset>
                    ))}
                  </div>
                  <div>
                    <h3>{t('exports.settings.selected')}</h3>
                    {chosen.length === 0 ? <p className="muted">{t('exports.settings.none')}</p> : null}
                    <ol className="column-order" data-testid="column-order">
                      {chosen.map((key, i) => (
                        <li key={key} data-key={key}>
                          <span>{label(key)}</span>
                          <button type="button" className="button button-secondary" aria-label={`${t('exports.settings.up')} ${label(key)}`} disabled={i === 0} onClick={() => move(i, -1)}>
                            ↑
                          </button>
                          <button type="button" className="button button-secondary" aria-label={`${t('exports.settings.down')} ${label(key)}`} disabled={i === chosen.length - 1} onClick={() => move(i, 1)}>
                            ↓
                          </button>
                          <button type="button" className="button button-secondary" aria-label={`${t('exports.settings.remove')} ${label(key)}`} onClick={() => setColumns((list) => (list ?? []).filter((k) => k !== key))}>
                            ✕
                          </button>
                        </li>
                      ))}
                    </ol>
                    <h3>{t('exports.presets')}</h3>
                    <form
                      className="actions-row"
                      onSubmit={(e) => {
                        e.preventDefault();
                        setPresetMessage(null);
                        void savePreset({ variables: { input: { name: presetName, columns: chosen, shared: presetShared } } }).then(
                          (r) => setPresetMessage(t('exports.presets.saved', { name: r.data?.saveExportPreset.name ?? presetName })),
                          () => undefined,
                        );
                      }}
                    >
                      <label className="field">
                        {t('exports.presets.name')}
                        <input value={presetName} maxLength={80} required onChange={(e) => setPresetName(e.target.value)} />
                      </label>
                      <label>
                        <input type="checkbox" checked={presetShared} onChange={(e) => setPresetShared(e.target.checked)} /> {t('exports.presets.shared')}
                      </label>
                      <button type="submit" className="button" disabled={saving.loading || chosen.length === 0}>
                        {t('exports.presets.save')}
                      </button>
                    </form>
                    {saving.error ? <ApiError error={saving.error} /> : null}
                    {presetMessage ? (
                      <p className="note" role="status">
                        {presetMessage}
                      </p>
                    ) : null}
                    <ul className="column-order">
                      {setup.data.exportPresets.map((p) => (
                        <li key={p.id}>
                          <span>
                            {p.name} — {p.mine ? (p.shared ? t('exports.presets.shared') : t('exports.presets.private')) : t('exports.presets.sharedBy', { name: p.owner?.name ?? '' })}
                          </span>
                          {p.mine || p.shared ? (
                            <button type="button" className="button button-secondary" aria-label={`${t('exports.presets.delete')} ${p.name}`} onClick={() => void deletePreset({ variables: { id: p.id } })}>
                              ✕
                            </button>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </div>
                </div>
              ) : null}
            </Card>

            <Card title={t('exports.preview')}>
              {preview.error ? <ApiError error={preview.error} /> : null}
              {preview.data ? (
                <>
                  <p className="note" data-testid="preview-count" data-total={preview.data.exportPreview.totalCount}>
                    {preview.data.exportPreview.totalCount === 0
                      ? t('exports.preview.empty')
                      : t('exports.preview.count', { count: preview.data.exportPreview.totalCount, shown: preview.data.exportPreview.rows.length })}
                  </p>
                  <TableScroll>
                    <Table data-testid="export-preview">
                      <Table.Thead>
                        <Table.Tr>
                          {preview.data.exportPreview.columns.map((c) => (
                            <Table.Th key={c.key} className={c.type === 'MONEY' || c.type === 'INTEGER' ? 'num' : undefined}>
                              {language === 'fr' ? c.labelFr : c.labelEn}
                            </Table.Th>
                          ))}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {preview.data.exportPreview.rows.map((row) => (
                          <Table.Tr key={row.id}>
                            {row.cells.map((cell, i) => {
                              const type = preview.data!.exportPreview.columns[i]?.type ?? 'TEXT';
                              return (
                                <Table.Td key={i} className={type === 'MONEY' || type === 'INTEGER' ? 'num' : undefined}>
                                  {formatCell(type, cell)}
                                </Table.Td>
                              );
                            })}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </TableScroll>
                </>
              ) : null}
              <div className="actions-row">
                <button type="button" className="button" disabled={running || chosen.length === 0} onClick={() => exportAs('XLSX')}>
                  {t('exports.export.xlsx')}
                </button>
                <button type="button" className="button button-secondary" disabled={running || chosen.length === 0} onClick={() => exportAs('CSV')}>
                  {t('exports.export.csv')}
                </button>
              </div>
              <ExportProgress state={download.state} onCancel={() => void download.cancel()} />
            </Card>

            <ExportLog />
          </>
        ) : null}
      </div>
    </div>
  );
}
