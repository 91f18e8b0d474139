import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Select, Table, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { useLiveEvents } from '../../app/live';
import { graphql } from '../../gql';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { StatusBadge } from '../../ui/status-badge';
import { STATUS_TONE } from '../support/support.page';
import { Loading } from '../../ui/loading';
import { TableScroll } from '../../ui/table-scroll';
import { TableSkeleton } from '../../ui/table-skeleton';

/** Requests of every dossier created, answered or changed: the queue and the open request follow live. */
const ADMIN_SUPPORT_CHANGED = 'subscription AdminSupportRequestChanged { adminSupportRequestChanged { requestId dossierId change at } }';
type AdminSupportChange = { adminSupportRequestChanged: { requestId: string } };

const QueueQuery = graphql(`
  query AdminSupportQueue($filter: AdminSupportFilter) {
    adminSupportQueue(filter: $filter, first: 100) {
      totalCount
      nodes {
        id
        kind
        status
        summary
        dossierName
        plan
        requestedByName
        assignedToName
        onHold
        createdAt
      }
    }
    adminSupportCounts(filter: $filter) {
      status
      count
    }
  }
`);

const RequestQuery = graphql(`
  query AdminSupportRequest($id: ID!) {
    adminSupportRequest(id: $id) {
      id
      kind
      status
      summary
      dossierName
      plan
      requestedByName
      requestedByEmail
      assignedToName
      onHold
      failureMessage
      failureReason
      rejectionReason
      createdAt
      messages {
        id
        side
        authorName
        text
        createdAt
      }
      history {
        id
        type
        userName
        createdAt
        toStatus
        label
        changes
      }
      dossier {
        id
        plan
        seats {
          seatsUsed
          totalSeats
          seatsAvailable
        }
        members {
          userId
          name
          email
          profile
          isPrincipal
        }
      }
    }
  }
`);

const Take = graphql(`mutation AdminTakeSupportRequest($id: ID!) { adminTakeSupportRequest(id: $id, force: true) { id status assignedToName } }`);
const Answer = graphql(`mutation AdminAnswerSupportRequest($id: ID!, $text: String!) { adminAnswerSupportRequest(id: $id, text: $text) { id status } }`);
const Process = graphql(`mutation AdminProcessSupportRequest($id: ID!, $message: String) { adminProcessSupportRequest(id: $id, message: $message) { id status } }`);
const Reject = graphql(`mutation AdminRejectSupportRequest($id: ID!, $reason: String!) { adminRejectSupportRequest(id: $id, reason: $reason) { id status } }`);

const STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'REJECTED'] as const;
const KINDS = ['CHANGE_LOGIN_EMAIL', 'ADD_USER', 'CHANGE_PROFILE', 'REMOVE_USER', 'ACCOUNTANT_ACCESS', 'OTHER'] as const;

/** /admin/support: the queue, oldest first, with counts per status and filters. */
export function AdminSupportSection() {
  const { id } = useParams();
  return id ? <AdminSupportRequest id={id} /> : <AdminSupportQueue />;
}

function AdminSupportQueue() {
  const { t, formatDate } = useI18n();
  const [status, setStatus] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [plan, setPlan] = useState<string | null>(null);
  const [age, setAge] = useState<string | null>(null);
  const filter = {
    statuses: status ? [status] : null,
    kind: kind ?? null,
    plan: plan ?? null,
    olderThanHours: age ? Number(age) : null,
  };
  const { data, loading, error, refetch } = useQuery(QueueQuery, { variables: { filter: filter as never }, fetchPolicy: 'cache-and-network' });
  useLiveEvents<AdminSupportChange>(ADMIN_SUPPORT_CHANGED, {}, () => void refetch().catch(() => undefined));
  return (
    <Card title={t('support.queue')}>
      <div className="stack">
        <div className="filters" style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap' }}>
          <Select label={t('support.col.status')} placeholder={t('support.queue.all')} clearable value={status} onChange={setStatus} data={STATUSES.map((s) => ({ value: s, label: t(`support.status.${s}`) }))} />
          <Select label={t('support.kind')} placeholder={t('support.queue.all')} clearable value={kind} onChange={setKind} data={KINDS.map((k) => ({ value: k, label: t(`support.kind.${k}`) }))} />
          <Select label={t('support.queue.plan')} placeholder={t('support.queue.all')} clearable value={plan} onChange={setPlan} data={['SOLO', 'TPE', 'TPE_PLUS']} />
          <Select label={t('support.queue.age')} placeholder={t('support.queue.age.any')} clearable value={age} onChange={setAge} data={[{ value: '24', label: t('support.queue.age.24') }, { value: '72', label: t('support.queue.age.72') }]} />
        </div>
        {data ? (
          <p data-testid="support-counts">
            {data.adminSupportCounts.map((c) => (
              <span key={c.status} data-status={c.status} style={{ marginRight: '1rem' }}>
                {t(`support.status.${c.status}`)} : <strong>{c.count}</strong>
              </span>
            ))}
          </p>
        ) : null}
        {error ? <ApiError error={error} /> : null}
        {loading && !data ? <TableSkeleton label={t('app.loading')} /> : null}
        {data ? (
          <TableScroll>
            <Table data-testid="admin-support-queue">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('support.col.status')}</Table.Th>
                  <Table.Th>{t('support.col.kind')}</Table.Th>
                  <Table.Th>{t('support.queue.dossier')}</Table.Th>
                  <Table.Th>{t('support.col.who')}</Table.Th>
                  <Table.Th>{t('support.col.age')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.adminSupportQueue.nodes.map((r) => (
                  <Table.Tr key={r.id} data-id={r.id} data-status={r.status} data-kind={r.kind}>
                    <Table.Td>
                      <StatusBadge tone={STATUS_TONE[r.status]}>{t(`support.status.${r.status}`)}</StatusBadge>
                      {r.assignedToName ? <span className="muted"> {t('support.assignedTo', { name: r.assignedToName })}</span> : null}
                    </Table.Td>
                    <Table.Td>
                      <Link to={`/admin/support/${r.id}`}>{r.summary}</Link>
                      {r.onHold ? <span className="muted"> · {t('support.onHold')}</span> : null}
                    </Table.Td>
                    <Table.Td>
                      {r.dossierName} ({r.plan})
                    </Table.Td>
                    <Table.Td>{r.requestedByName}</Table.Td>
                    <Table.Td>{formatDate(r.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        ) : null}
      </div>
    </Card>
  );
}

function AdminSupportRequest({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const { data, loading, error, refetch: reload } = useQuery(RequestQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  // The requester's new message (or another support member's action) appears without reloading.
  useLiveEvents<AdminSupportChange>(ADMIN_SUPPORT_CHANGED, {}, (events) => {
    if (events.some((e) => e.adminSupportRequestChanged.requestId === id)) void reload().catch(() => undefined);
  });
  const refetch = { refetchQueries: [RequestQuery], awaitRefetchQueries: true };
  const [take, taking] = useMutation(Take, refetch);
  const [answer, answering] = useMutation(Answer, refetch);
  const [processRequest, processing] = useMutation(Process, refetch);
  const [reject, rejecting] = useMutation(Reject, refetch);
  const [text, setText] = useState('');
  const r = data?.adminSupportRequest;
  const open = r?.status === 'OPEN' || r?.status === 'IN_PROGRESS';
  const failed = taking.error ?? answering.error ?? processing.error ?? rejecting.error;
  return (
    <div className="stack">
      <p>
        <Link to="/admin/support">{t('support.queue')}</Link>
      </p>
      {error ? <ApiError error={error} /> : null}
      {loading && !data ? <Loading label={t('app.loading')} /> : null}
      {r ? (
        <>
          <Card title={r.summary}>
            <div className="stack" data-testid="admin-support-request" data-status={r.status}>
              <p>
                <StatusBadge tone={STATUS_TONE[r.status]}>{t(`support.status.${r.status}`)}</StatusBadge>{' '}
                <span className="muted">
                  {r.dossierName} · {r.requestedByName} ({r.requestedByEmail}) · {formatDate(r.createdAt)}
                </span>
              </p>
              {r.assignedToName ? <p>{t('support.assignedTo', { name: r.assignedToName })}</p> : null}
              {r.onHold ? <p className="note">{t('support.onHold')}</p> : null}
              {r.failureMessage && open ? <p className="note" data-testid="support-failure" data-reason={r.failureReason ?? ''}>{t('support.queue.failure', { message: r.failureReason ? t(`error.reason.${r.failureReason}` as never) : r.failureMessage })}</p> : null}
              {r.rejectionReason ? <p className="note">{t('support.rejection', { reason: r.rejectionReason })}</p> : null}
              <ol className="support-thread">
                {r.messages.map((m) => (
                  <li key={m.id} data-side={m.side}>
                    <strong>{m.authorName}</strong> <span className="muted">{formatDate(m.createdAt)}</span>
                    <p style={{ whiteSpace: 'pre-wrap' }}>{m.text}</p>
                  </li>
                ))}
              </ol>
              {open ? (
                <form aria-label={t('support.queue.answer')} className="stack" onSubmit={(e) => e.preventDefault()}>
                  <Textarea label={t('support.queue.answerText')} value={text} autosize minRows={2} onChange={(e) => setText(e.currentTarget.value)} />
                  <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
                    <Button variant="default" loading={taking.loading} onClick={() => void take({ variables: { id } }).catch(() => null)}>
                      {t('support.queue.take')}
                    </Button>
                    <Button variant="default" disabled={!text.trim()} loading={answering.loading} onClick={() => void answer({ variables: { id, text } }).then(() => setText('')).catch(() => null)}>
                      {t('support.queue.answer')}
                    </Button>
                    <Button loading={processing.loading} onClick={() => void processRequest({ variables: { id, message: text.trim() || null } }).then(() => setText('')).catch(() => null)}>
                      {t('support.queue.process')}
                    </Button>
                    <Button color="red" variant="light" disabled={!text.trim()} loading={rejecting.loading} onClick={() => void reject({ variables: { id, reason: text } }).then(() => setText('')).catch(() => null)}>
                      {t('support.queue.reject')}
                    </Button>
                  </div>
                  {failed ? <ApiError error={failed} /> : null}
                </form>
              ) : null}
              <ul>
                {r.history.map((h) => (
                  <li key={h.id}>
                    {formatDate(h.createdAt)} · {h.userName ?? '—'} · {h.type}
                    {h.toStatus ? ` → ${t(`support.status.${h.toStatus}` as never)}` : ''}
                    {h.label ? ` · ${h.label}` : ''}
                    {h.changes.length ? ` · ${h.changes.join(', ')}` : ''}
                  </li>
                ))}
              </ul>
            </div>
          </Card>
          <Card title={`${t('support.queue.context')} : ${r.dossierName}`}>
            <p>
              {r.dossier.plan} · {t('support.queue.seats', { used: r.dossier.seats.seatsUsed, total: r.dossier.seats.totalSeats })} ·{' '}
              <Link to={`/admin/dossiers/${r.dossier.id}`}>{t('support.queue.open')}</Link>
            </p>
            <ul data-testid="support-context-members">
              {r.dossier.members.map((m) => (
                <li key={m.userId}>
                  {m.name} ({m.email}) · {t(`settings.profile.${m.profile}` as never)}
                </li>
              ))}
            </ul>
          </Card>
        </>
      ) : null}
    </div>
  );
}
