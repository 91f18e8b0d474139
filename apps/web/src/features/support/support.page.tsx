import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Select, Table, TextInput, Textarea } from '@mantine/core';
import { REQUESTABLE_PROFILES, supportKindsFor, SupportRequestInputSchema, fieldErrors, type SupportRequestKindName } from '@comptoir/schema';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../app/auth';
import { useLiveEvents } from '../../app/live';
import { useI18n } from '../../app/i18n/i18n';
import { ApiError, errorField } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { PageHeader } from '../../ui/page-header';
import { StatusBadge, type Tone } from '../../ui/status-badge';
import { CreateSupportRequestMutation, PostSupportMessageMutation, SupportMembersQuery, SupportRequestQuery, SupportRequestsQuery } from './support.operations';
import { Loading } from '../../ui/loading';
import { TableScroll } from '../../ui/table-scroll';
import { TableSkeleton } from '../../ui/table-skeleton';

/** Created, answered, status changed: the dossier's requests, live. */
const SUPPORT_CHANGED = 'subscription SupportRequestChanged { supportRequestChanged { requestId change at } }';
type SupportChange = { supportRequestChanged: { requestId: string } };

export const STATUS_TONE: Record<string, Tone> = { OPEN: 'warning', IN_PROGRESS: 'neutral', DONE: 'success', REJECTED: 'danger' };

/** *Support*: the dossier's requests, a form per kind, and a request's thread. */
export default function SupportPage() {
  const { id } = useParams();
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('support.title')} intro={t('support.intro')} />
      <div className="stack">{id ? <SupportRequestDetail id={id} /> : <SupportHome />}</div>
    </>
  );
}

function SupportHome() {
  const { t, formatDate } = useI18n();
  const { data, loading, error, refetch } = useQuery(SupportRequestsQuery, { fetchPolicy: 'cache-and-network' });
  useLiveEvents<SupportChange>(SUPPORT_CHANGED, {}, () => void refetch().catch(() => undefined));
  return (
    <>
      <NewRequestForm />
      <Card title={t('support.list')}>
        {error ? <ApiError error={error} /> : null}
        {loading && !data ? <TableSkeleton label={t('app.loading')} /> : null}
        {data && data.supportRequests.length === 0 ? <p className="muted">{t('support.empty')}</p> : null}
        {data && data.supportRequests.length > 0 ? (
          <TableScroll>
            <Table data-testid="support-requests">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('support.col.status')}</Table.Th>
                  <Table.Th>{t('support.col.kind')}</Table.Th>
                  <Table.Th>{t('support.col.who')}</Table.Th>
                  <Table.Th>{t('support.col.age')}</Table.Th>
                  <Table.Th>{t('support.col.last')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.supportRequests.map((r) => (
                  <Table.Tr key={r.id} data-id={r.id} data-status={r.status} data-kind={r.kind}>
                    <Table.Td>
                      <StatusBadge tone={STATUS_TONE[r.status]}>{t(`support.status.${r.status}`)}</StatusBadge>
                    </Table.Td>
                    <Table.Td>
                      <Link to={`/support/${r.id}`}>{r.summary}</Link>
                    </Table.Td>
                    <Table.Td>{r.requestedByName}</Table.Td>
                    <Table.Td>{formatDate(r.createdAt)}</Table.Td>
                    <Table.Td className="muted">{r.lastMessage?.text.slice(0, 80) ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        ) : null}
      </Card>
    </>
  );
}

type Draft = Record<string, string>;

/** The form of each kind, pre-filled from `?demande=KIND&membre=ID` (the users page's links). */
function NewRequestForm() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const kinds = supportKindsFor(session.profile);
  const asked = params.get('demande') as SupportRequestKindName | null;
  const [kind, setKind] = useState<SupportRequestKindName>(asked && kinds.includes(asked) ? asked : kinds[0]);
  const [draft, setDraft] = useState<Draft>(() => {
    const member = params.get('membre');
    const initial: Draft = {};
    if (member) initial.memberId = member;
    return initial;
  });
  const [message, setMessage] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const manages = kinds.length > 1;
  const members = useQuery(SupportMembersQuery, { skip: !manages });
  const [create, { error, loading }] = useMutation(CreateSupportRequestMutation, { refetchQueries: [SupportRequestsQuery] });
  const payloadField = { CHANGE_LOGIN_EMAIL: 'changeLoginEmail', ADD_USER: 'addUser', CHANGE_PROFILE: 'changeProfile', REMOVE_USER: 'removeUser', ACCOUNTANT_ACCESS: 'accountantAccess', OTHER: 'other' }[kind];
  const fields: Record<SupportRequestKindName, string[]> = {
    CHANGE_LOGIN_EMAIL: ['memberId', 'newEmail'],
    ADD_USER: ['name', 'email', 'phone', 'profile'],
    CHANGE_PROFILE: ['memberId', 'profile'],
    REMOVE_USER: ['memberId'],
    ACCOUNTANT_ACCESS: ['name', 'email', 'phone', 'firmName'],
    OTHER: ['subject', 'text'],
  };
  const serverField = errorField(error);
  const errorOf = (name: string) => localErrors[name] ?? (serverField === `input.${payloadField}.${name}` ? t('error.code.BAD_USER_INPUT') : undefined);
  const set = (name: string) => (value: string | null) => setDraft((d) => ({ ...d, [name]: value ?? '' }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const payload = Object.fromEntries(fields[kind].map((f) => [f, draft[f] ?? '']));
    const input = { kind, [payloadField]: payload, message: message || null };
    // The same zod schema as the API: the form refuses what the server would.
    const parsed = SupportRequestInputSchema.safeParse(input);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const e of fieldErrors(parsed.error, input)) errors[e.path.split('.').pop()!] ??= t(`error.reason.${e.reason === 'INVALID_CHOICE' || e.reason === 'INVALID_EMAIL' || e.reason === 'REQUIRED' || e.reason === 'TOO_LONG' ? e.reason : 'INVALID_TEXT'}`);
      setLocalErrors(errors);
      return;
    }
    setLocalErrors({});
    const result = await create({ variables: { input: input as never } }).catch(() => null);
    const created = result?.data?.createSupportRequest;
    if (created) navigate(`/support/${created.id}`);
  }

  const memberOptions = (members.data?.dossierUsers.members ?? [])
    .filter((m) => kind === 'CHANGE_LOGIN_EMAIL' || !m.isPrincipal)
    .map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` }));
  const profileOptions = REQUESTABLE_PROFILES.map((p) => ({ value: p, label: t(`settings.profile.${p}`) }));
  const input = (name: string) => {
    const label = t(`support.field.${name}` as never);
    const common = { label, error: errorOf(name), value: draft[name] ?? '' };
    if (name === 'memberId') return <Select key={name} {...common} label={t('support.field.member')} data={memberOptions} onChange={set(name)} />;
    if (name === 'profile') return <Select key={name} {...common} data={profileOptions} onChange={set(name)} />;
    if (name === 'text') return <Textarea key={name} {...common} autosize minRows={3} onChange={(e) => set(name)(e.currentTarget.value)} />;
    return <TextInput key={name} {...common} onChange={(e) => set(name)(e.currentTarget.value)} />;
  };

  return (
    <Card title={t('support.new')}>
      <form aria-label={t('support.new')} className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <Select
          label={t('support.kind')}
          data={kinds.map((k) => ({ value: k, label: t(`support.kind.${k}`) }))}
          value={kind}
          allowDeselect={false}
          onChange={(v) => {
            setKind((v as SupportRequestKindName) ?? kinds[0]);
            setLocalErrors({});
          }}
        />
        {fields[kind].map(input)}
        {kind !== 'OTHER' ? <Textarea label={t('support.field.message')} value={message} autosize minRows={2} onChange={(e) => setMessage(e.currentTarget.value)} /> : null}
        {error ? <ApiError error={error} /> : null}
        {CombinedNoSeat(error) ? (
          <Link to="/parametres/abonnement">{t('support.orderSeats')}</Link>
        ) : null}
        <div>
          <Button type="submit" loading={loading}>
            {t('support.send')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function CombinedNoSeat(error: unknown): boolean {
  const errors = (error as { errors?: { extensions?: { reason?: string; canOrderSeats?: boolean } }[] } | undefined)?.errors;
  return !!errors?.some((e) => e.extensions?.reason === 'NO_SEAT_LEFT' && e.extensions.canOrderSeats);
}

function SupportRequestDetail({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const { data, loading, error, refetch } = useQuery(SupportRequestQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  // Support's answer, or a status change, appears without reloading.
  useLiveEvents<SupportChange>(SUPPORT_CHANGED, {}, (events) => {
    if (events.some((e) => e.supportRequestChanged.requestId === id)) void refetch().catch(() => undefined);
  });
  const [text, setText] = useState('');
  const [post, posting] = useMutation(PostSupportMessageMutation);
  const request = data?.supportRequest;
  const open = request?.status === 'OPEN' || request?.status === 'IN_PROGRESS';
  return (
    <>
      <p>
        <Link to="/support">{t('support.back')}</Link>
      </p>
      {error ? <ApiError error={error} /> : null}
      {loading && !data ? <Loading label={t('app.loading')} /> : null}
      {request ? (
        <Card title={request.summary}>
          <div className="stack" data-testid="support-request" data-status={request.status}>
            <p>
              <StatusBadge tone={STATUS_TONE[request.status]}>{t(`support.status.${request.status}`)}</StatusBadge>{' '}
              <span className="muted">
                {t(`support.kind.${request.kind}`)} · {request.requestedByName} · {formatDate(request.createdAt)}
              </span>
            </p>
            {request.assignedToName ? <p>{t('support.assignedTo', { name: request.assignedToName })}</p> : null}
            {request.onHold ? <p className="note">{t('support.onHold')}</p> : null}
            {request.rejectionReason ? <p className="note">{t('support.rejection', { reason: request.rejectionReason })}</p> : null}
            <h3>{t('support.thread')}</h3>
            <ol className="support-thread" data-testid="support-thread">
              {request.messages.map((m) => (
                <li key={m.id} data-side={m.side}>
                  <strong>{m.side === 'SUPPORT' ? `${t('support.side.SUPPORT')} (${m.authorName})` : m.authorName}</strong>{' '}
                  <span className="muted">{formatDate(m.createdAt)}</span>
                  <p style={{ whiteSpace: 'pre-wrap' }}>{m.text}</p>
                </li>
              ))}
            </ol>
            {open ? (
              <form
                aria-label={t('support.reply')}
                onSubmit={(e) => {
                  e.preventDefault();
                  void post({ variables: { id, text } })
                    .then(() => setText(''))
                    .catch(() => null);
                }}
              >
                <Textarea label={t('support.reply')} value={text} autosize minRows={2} onChange={(e) => setText(e.currentTarget.value)} />
                {posting.error ? <ApiError error={posting.error} /> : null}
                <Button type="submit" mt="sm" loading={posting.loading} disabled={!text.trim()}>
                  {t('support.replySend')}
                </Button>
              </form>
            ) : null}
            <h3>{t('support.history')}</h3>
            <ul data-testid="support-history">
              {request.history.map((h) => (
                <li key={h.id}>
                  {formatDate(h.createdAt)} · {h.user?.name ?? '—'} · {h.type}
                  {h.toStatus ? ` → ${t(`support.status.${h.toStatus}` as never)}` : ''}
                  {h.label ? ` · ${h.label}` : ''}
                </li>
              ))}
            </ul>
          </div>
        </Card>
      ) : null}
    </>
  );
}
