import { Table } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { notifications } from '@mantine/notifications';
import { useI18n } from '../../app/i18n/i18n';
import { useLiveEvents } from '../../app/live';
import type { AccountingBatchesQuery as Batches } from '../../gql/graphql';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { DateField } from '../../ui/date-field';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { TableScroll } from '../../ui/table-scroll';
import { TableSkeleton } from '../../ui/table-skeleton';
import { ComplianceCard } from './compliance-card';
import { accountingEn, accountingFr, fill, type AccountingText } from './accounting.messages';
import { AccountingBatchesQuery, AccountingBatchQuery, CollectAccountingBatchMutation, CutAccountingBatchMutation } from './accounting.operations';

const downloadUrl = (id: string, format: 'fec' | 'csv' | 'xlsx') => `/api/exports/accounting-batches/${encodeURIComponent(id)}/${format}`;

function useText(): AccountingText {
  return useI18n().language === 'en' ? accountingEn : accountingFr;
}

function BatchDetail({ id }: { id: string }) {
  const a = useText();
  const { t, formatAmount, formatDate } = useI18n();
  const { data, loading, error } = useQuery(AccountingBatchQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  if (error) return <ApiError error={error} />;
  if (loading && !data) return <TableSkeleton label={t('app.loading')} />;
  const batch = data?.accountingBatch;
  if (!batch) return null;
  return (
    <div className="stack" data-testid={`batch-detail-${id}`}>
      <h3>{a.totals}</h3>
      <TableScroll>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{a.account}</Table.Th>
              <Table.Th>{a.auxiliary}</Table.Th>
              <Table.Th className="num">{a.debit}</Table.Th>
              <Table.Th className="num">{a.credit}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {batch.accountTotals.map((row) => (
              <Table.Tr key={`${row.accountNumber}:${row.auxiliaryAccount ?? ''}`}>
                <Table.Td>
                  {row.accountNumber} {row.accountLabel}
                </Table.Td>
                <Table.Td>{row.auxiliaryAccount ?? ''}</Table.Td>
                <Table.Td className="num">{formatAmount(row.debitCents)}</Table.Td>
                <Table.Td className="num">{formatAmount(row.creditCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <h3>{a.entries}</h3>
      <TableScroll>
        <Table data-testid="batch-entries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{a.journal}</Table.Th>
              <Table.Th>{a.date}</Table.Th>
              <Table.Th>{a.piece}</Table.Th>
              <Table.Th>{a.label}</Table.Th>
              <Table.Th className="num">{a.amount}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {batch.entries.map((entry) => (
              <Table.Tr key={`${entry.journalCode}${entry.number}`}>
                <Table.Td>
                  {entry.journalCode} {entry.number}
                </Table.Td>
                <Table.Td>{formatDate(entry.entryDate)}</Table.Td>
                <Table.Td>{entry.pieceRef}</Table.Td>
                <Table.Td>{entry.label}</Table.Td>
                <Table.Td className="num">{formatAmount(entry.totalDebitCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </div>
  );
}

/** Progress of a collected batch's background job (accounting.batch), live; the list is refetched once it ends. */
const BATCH_PROGRESS = 'subscription AccountingBatchProgress($id: ID!) { accountingBatchProgress(id: $id) { batchId state progress } }';
type BatchProgress = { accountingBatchProgress: { state: string; progress: number } };

function PendingGeneration({ batchId, state, progress }: { batchId: string; state: string; progress: number }) {
  const a = useText();
  const [live, setLive] = useState<{ state: string; progress: number } | null>(null);
  const { refetch } = useQuery(AccountingBatchesQuery, { fetchPolicy: 'cache-only' });
  useLiveEvents<BatchProgress>(BATCH_PROGRESS, { id: batchId }, (events) => {
    const last = events[events.length - 1].accountingBatchProgress;
    setLive(last);
    if (last.state === 'completed' || last.state === 'failed') void refetch().catch(() => undefined);
  });
  // An end published before the subscription was in place: a slow refetch catches it.
  useEffect(() => {
    const timer = setInterval(() => void refetch().catch(() => undefined), 3000);
    return () => clearInterval(timer);
  }, [refetch]);
  const current = live?.state ?? state;
  const done = current === 'completed';
  return (
    <p className="muted" data-testid="batch-generation" data-state={done ? 'READY' : current} role="status">
      {done ? a.generated : current === 'failed' ? a.generationFailed : fill(a.generating, { progress: live?.progress ?? progress })}
    </p>
  );
}

/** Where a collected batch's job stands: live while it runs, « Lot préparé » once stored. */
function BatchGeneration({ batch }: { batch: Batches['accountingBatches'][number] }) {
  const a = useText();
  const generation = batch.generation;
  if (!generation) return null;
  if (generation.state !== 'READY') return <PendingGeneration batchId={batch.id} state={generation.state} progress={generation.progress} />;
  return (
    <p className="muted" data-testid="batch-generation" data-state="READY" role="status">
      {a.generated}
    </p>
  );
}

function BatchCard({ batch }: { batch: Batches['accountingBatches'][number] }) {
  const a = useText();
  const { formatAmount, formatDate, formatDateTime } = useI18n();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [until, setUntil] = useState('');
  const [collect, collectState] = useMutation(CollectAccountingBatchMutation, { refetchQueries: [AccountingBatchesQuery] });
  const [cut, cutState] = useMutation(CutAccountingBatchMutation, { refetchQueries: [AccountingBatchesQuery] });
  const isOpen = batch.status === 'OPEN';
  const title = `${a.number} n° ${batch.number} · ${formatDate(batch.periodStart)} – ${formatDate(batch.periodEnd)}`;
  const doCollect = async () => {
    try {
      await collect({ variables: { id: batch.id, version: batch.version } });
      setConfirming(false);
      notifications.show({ color: 'green', message: fill(a.done, { number: batch.number }) });
    } catch {
      // shown by <ApiError>
    }
  };
  const doCut = async () => {
    try {
      await cut({ variables: { id: batch.id, version: batch.version, until } });
      setUntil('');
    } catch {
      // shown by <ApiError>
    }
  };
  return (
    <div data-testid={`batch-${batch.number}`} data-status={batch.status}>
      <Card title={title}>
        <div className="stack">
          <p>
            <strong data-testid="batch-status">{isOpen ? a.open : a.collected}</strong>
            {' · '}
            {batch.entryCount} {a.entries.toLowerCase()} · {a.debit} {formatAmount(batch.totalDebitCents)} · {a.credit} {formatAmount(batch.totalCreditCents)}
            {batch.collectedAt ? (
              <>
                {' · '}
                {fill(a.collectedBy, { name: batch.collectedByName ?? '', date: formatDateTime(batch.collectedAt) })}
              </>
            ) : null}
          </p>
          <BatchGeneration batch={batch} />
          <div className="actions-row">
            <span>{a.download} :</span>
            <a className="button button-secondary" href={downloadUrl(batch.id, 'fec')} download data-testid="download-fec">
              FEC
            </a>
            <a className="button button-secondary" href={downloadUrl(batch.id, 'csv')} download>
              CSV
            </a>
            <a className="button button-secondary" href={downloadUrl(batch.id, 'xlsx')} download>
              .xlsx
            </a>
            <button type="button" className="button button-secondary" onClick={() => setOpen(!open)} aria-expanded={open}>
              {open ? a.hide : a.show}
            </button>
          </div>
          {isOpen ? (
            <div className="actions-row">
              {confirming ? (
                <>
                  <span>{fill(a.confirmCollect, { number: batch.number, start: formatDate(batch.periodStart), end: formatDate(batch.periodEnd) })}</span>
                  <button type="button" className="button" disabled={collectState.loading} onClick={() => void doCollect()} data-testid="confirm-collect">
                    {a.collect}
                  </button>
                  <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                    ✕
                  </button>
                </>
              ) : (
                <button type="button" className="button" onClick={() => setConfirming(true)} data-testid="collect">
                  {a.collect}
                </button>
              )}
              <DateField label={a.cutUntil} value={until} onChange={setUntil} testId={`cut-until-${batch.number}`} />
              <button type="button" className="button button-secondary" disabled={!until || cutState.loading} onClick={() => void doCut()}>
                {a.cut}
              </button>
            </div>
          ) : null}
          <ApiError error={collectState.error ?? cutState.error} />
          {open ? <BatchDetail id={batch.id} /> : null}
        </div>
      </Card>
    </div>
  );
}

/** Lots d'écritures: batches per period, totals, downloads, collect, cut (OWNER, ADV, ACCOUNTANT). */
export default function AccountingBatchesPage() {
  const a = useText();
  const { data, loading, error } = useQuery(AccountingBatchesQuery, { fetchPolicy: 'cache-and-network' });
  const batches = data?.accountingBatches ?? [];
  return (
    <div className="accounting">
      <PageHeader title={a.title} intro={a.intro} />
      <div className="stack">
        {error ? <ApiError error={error} /> : null}
        {loading && !data ? <Loading label="…" /> : null}
        {data && batches.length === 0 ? <p className="muted">{a.empty}</p> : null}
        {batches.map((batch) => (
          <BatchCard key={batch.id} batch={batch} />
        ))}
        <ComplianceCard />
      </div>
    </div>
  );
}
