import { Table } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { graphql } from '../../gql';
import type { Plan, Profile } from '../../gql/graphql';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { Loading } from '../../ui/loading';
import { StatusBadge, type Tone } from '../../ui/status-badge';
import { SeatFacts } from '../settings/seat-facts';
import { ActionsTable } from './admin-actions';
import { TableScroll } from '../../ui/table-scroll';

const AdminDossierQuery = graphql(`
  query AdminDossier($id: ID!) {
    adminDossier(id: $id) {
      id
      name
      siret
      vatNumber
      addressLine
      postalCode
      city
      createdAt
      plan
      seats {
        plan
        includedSeats
        extraSeats
        totalSeats
        seatsUsed
        seatsAvailable
        accountantAccess
        accountants
      }
      members {
        userId
        name
        email
        phone
        profile
        isPrincipal
        since
        active
      }
      seatOrders {
        id
        quantity
        totalCents
        totalInclVatCents
        status
        paymentReference
        createdAt
        orderedByName
        paidAt
        markedPaidByName
        receivedReference
      }
      recentActions {
        ...AdminActionRow
      }
    }
  }
`);

const ChangePlanMutation = graphql(`
  mutation AdminChangePlan($dossierId: ID!, $plan: Plan!) {
    adminChangePlan(dossierId: $dossierId, plan: $plan) {
      id
      plan
    }
  }
`);

const AddUserMutation = graphql(`
  mutation AdminAddUser($dossierId: ID!, $input: AdminAddUserInput!) {
    adminAddUser(dossierId: $dossierId, input: $input) {
      userId
      email
      profile
    }
  }
`);

const ChangeProfileMutation = graphql(`
  mutation AdminChangeProfile($dossierId: ID!, $userId: ID!, $profile: Profile!) {
    adminChangeProfile(dossierId: $dossierId, userId: $userId, profile: $profile) {
      userId
      profile
    }
  }
`);

const RemoveUserMutation = graphql(`
  mutation AdminRemoveUser($dossierId: ID!, $userId: ID!) {
    adminRemoveUser(dossierId: $dossierId, userId: $userId)
  }
`);

const MarkPaidMutation = graphql(`
  mutation AdminMarkSeatOrderPaid($orderId: ID!, $reference: String) {
    adminMarkSeatOrderPaid(orderId: $orderId, reference: $reference) {
      id
      status
    }
  }
`);

const CancelOrderMutation = graphql(`
  mutation AdminCancelSeatOrder($orderId: ID!) {
    adminCancelSeatOrder(orderId: $orderId) {
      id
      status
    }
  }
`);

const PLANS: Plan[] = ['SOLO', 'TPE', 'TPE_PLUS'];
const ASSIGNABLE: Profile[] = ['ADV', 'COMMERCIAL', 'ACHAT', 'ACCOUNTANT'];
const STATUS_TONE: Record<string, Tone> = { PENDING_PAYMENT: 'warning', PAID: 'success', CANCELLED: 'neutral' };

/** A dossier's page in /admin: plan, seats, users, seat orders, recent actions. */
export function AdminDossierSection() {
  const { id = '' } = useParams();
  const { t, formatAmount, formatDate } = useI18n();
  const { data, loading, error } = useQuery(AdminDossierQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const refetch = { refetchQueries: [AdminDossierQuery], awaitRefetchQueries: true };
  const [changePlan, planState] = useMutation(ChangePlanMutation, refetch);
  const [addUser, addState] = useMutation(AddUserMutation, refetch);
  const [changeProfile, profileState] = useMutation(ChangeProfileMutation, refetch);
  const [removeUser, removeState] = useMutation(RemoveUserMutation, refetch);
  const [markPaid, paidState] = useMutation(MarkPaidMutation, refetch);
  const [cancelOrder, cancelState] = useMutation(CancelOrderMutation, refetch);

  const [plan, setPlan] = useState<Plan | ''>('');
  const [profiles, setProfiles] = useState<Record<string, Profile>>({});
  const [removing, setRemoving] = useState<string | null>(null);
  const [paying, setPaying] = useState<string | null>(null);
  const [reference, setReference] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const [form, setForm] = useState({ email: '', name: '', phone: '', profile: 'COMMERCIAL' as Profile, firmName: '' });

  const d = data?.adminDossier;
  if (!d) return loading ? <Loading label={t('app.loading')} /> : <ApiError error={error} />;

  const ignore = () => undefined;
  const submitAdd = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    try {
      await addUser({
        variables: {
          dossierId: d.id,
          input: {
            email: form.email,
            name: form.name,
            phone: form.phone || null,
            profile: form.profile,
            firmName: form.profile === 'ACCOUNTANT' ? form.firmName || null : null,
          },
        },
      });
      setAdded(form.email);
      setForm({ email: '', name: '', phone: '', profile: 'COMMERCIAL', firmName: '' });
    } catch {
      // Shown from addState.error.
    }
  };

  const mutationError = planState.error ?? profileState.error ?? removeState.error ?? paidState.error ?? cancelState.error;

  return (
    <div className="stack" data-testid="admin-dossier">
      <p>
        <Link to="/admin">{t('admin.dossier.back')}</Link>
      </p>
      <Card title={d.name}>
        <dl className="facts">
          <div>
            <dt>{t('admin.dossier.siret')}</dt>
            <dd>{d.siret ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('admin.dossier.address')}</dt>
            <dd>{[d.addressLine, d.postalCode, d.city].filter(Boolean).join(', ') || '—'}</dd>
          </div>
          <div>
            <dt>{t('admin.dossier.created')}</dt>
            <dd>{formatDate(d.createdAt)}</dd>
          </div>
        </dl>
      </Card>
      {mutationError ? <ApiError error={mutationError} /> : null}
      <Card title={t('admin.dossier.plan.title')}>
        <SeatFacts seats={d.seats} />
        <form
          className="inline-form form-actions"
          onSubmit={(e) => {
            e.preventDefault();
            if (plan && plan !== d.plan) void changePlan({ variables: { dossierId: d.id, plan } }).catch(ignore);
          }}
        >
          <select name="plan" value={plan || d.plan} onChange={(e) => setPlan(e.target.value as Plan)} aria-label={t('admin.dossier.plan.change')}>
            {PLANS.map((p) => (
              <option key={p} value={p}>
                {t(`settings.plan.${p}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="button button-secondary" disabled={!plan || plan === d.plan || planState.loading}>
            {t('admin.dossier.plan.change')}
          </button>
        </form>
      </Card>
      <Card title={t('admin.dossier.members.title')}>
        <TableScroll>
          <Table data-testid="admin-members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.users.name')}</Table.Th>
                <Table.Th>{t('settings.users.email')}</Table.Th>
                <Table.Th>{t('settings.users.profile')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('table.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.members.map((m) => (
                <Table.Tr key={m.userId} data-email={m.email}>
                  <Table.Td>
                    {m.name} {m.isPrincipal ? <StatusBadge tone="neutral">{t('settings.users.principal')}</StatusBadge> : null}{' '}
                    {!m.active ? <StatusBadge tone="warning">{t('settings.users.pending')}</StatusBadge> : null}
                    {m.phone ? <div className="muted">{m.phone}</div> : null}
                  </Table.Td>
                  <Table.Td>{m.email}</Table.Td>
                  <Table.Td>
                    {m.isPrincipal ? (
                      t(`settings.profile.${m.profile}`)
                    ) : (
                      <span className="inline-form">
                        <select
                          value={profiles[m.userId] ?? m.profile}
                          onChange={(e) => setProfiles((p) => ({ ...p, [m.userId]: e.target.value as Profile }))}
                          aria-label={t('admin.dossier.members.changeProfile')}
                        >
                          {ASSIGNABLE.map((p) => (
                            <option key={p} value={p}>
                              {t(`settings.profile.${p}`)}
                            </option>
                          ))}
                        </select>
                        <button
                          type="button"
                          className="button button-secondary"
                          disabled={!profiles[m.userId] || profiles[m.userId] === m.profile}
                          onClick={() => void changeProfile({ variables: { dossierId: d.id, userId: m.userId, profile: profiles[m.userId] } }).catch(ignore)}
                        >
                          {t('admin.dossier.members.apply')}
                        </button>
                      </span>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {m.isPrincipal ? null : removing === m.userId ? (
                      <div className="confirm-box">
                        <p>{t('admin.dossier.members.removeConfirm', { email: m.email })}</p>
                        <div className="form-actions">
                          <button
                            type="button"
                            className="button"
                            onClick={() => void removeUser({ variables: { dossierId: d.id, userId: m.userId } }).catch(ignore).finally(() => setRemoving(null))}
                          >
                            {t('admin.dossier.members.remove')}
                          </button>
                          <button type="button" className="button button-secondary" onClick={() => setRemoving(null)}>
                            {t('settings.cancel')}
                          </button>
                        </div>
                      </div>
                    ) : (
                      <button type="button" className="button button-secondary" onClick={() => setRemoving(m.userId)}>
                        {t('admin.dossier.members.remove')}
                      </button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </Card>
      <Card title={t('admin.dossier.add.title')}>
        <form onSubmit={(e) => void submitAdd(e)} data-testid="admin-add-user">
          <div className="form-grid">
            <label className="field">
              <span>{t('admin.dossier.add.email')}</span>
              <input type="email" name="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
            </label>
            <label className="field">
              <span>{t('admin.dossier.add.name')}</span>
              <input name="name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
            </label>
            <label className="field">
              <span>{t('admin.dossier.add.phone')}</span>
              <input name="phone" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} />
            </label>
            <label className="field">
              <span>{t('settings.users.profile')}</span>
              <select name="profile" value={form.profile} onChange={(e) => setForm({ ...form, profile: e.target.value as Profile })}>
                {ASSIGNABLE.map((p) => (
                  <option key={p} value={p}>
                    {t(`settings.profile.${p}`)}
                  </option>
                ))}
              </select>
            </label>
            {form.profile === 'ACCOUNTANT' ? (
              <label className="field">
                <span>{t('admin.dossier.add.firmName')}</span>
                <input name="firmName" value={form.firmName} onChange={(e) => setForm({ ...form, firmName: e.target.value })} />
              </label>
            ) : null}
          </div>
          <div className="form-actions">
            <button type="submit" className="button" disabled={addState.loading}>
              {t('admin.dossier.add.submit')}
            </button>
            {added ? (
              <span className="notice" role="status">
                {t('admin.dossier.add.done', { email: added })}
              </span>
            ) : null}
          </div>
          {addState.error ? <ApiError error={addState.error} /> : null}
        </form>
      </Card>
      <Card title={t('admin.dossier.orders.title')}>
        {d.seatOrders.length === 0 ? (
          <p className="muted">{t('settings.subscription.orders.empty')}</p>
        ) : (
          <TableScroll>
            <Table data-testid="admin-seat-orders">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings.subscription.orders.date')}</Table.Th>
                  <Table.Th className="num">{t('settings.subscription.orders.quantity')}</Table.Th>
                  <Table.Th className="num">{t('settings.subscription.orders.totalTtc')}</Table.Th>
                  <Table.Th>{t('settings.subscription.orders.reference')}</Table.Th>
                  <Table.Th>{t('settings.subscription.orders.status')}</Table.Th>
                  <Table.Th>
                  <span className="visually-hidden">{t('table.actions')}</span>
                </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.seatOrders.map((o) => (
                  <Table.Tr key={o.id} data-status={o.status}>
                    <Table.Td>
                      {formatDate(o.createdAt)}
                      {o.orderedByName ? <div className="muted">{o.orderedByName}</div> : null}
                    </Table.Td>
                    <Table.Td className="num">{o.quantity}</Table.Td>
                    <Table.Td className="num">{formatAmount(o.totalInclVatCents)}</Table.Td>
                    <Table.Td>
                      <code>{o.paymentReference}</code>
                      {o.receivedReference ? <div className="muted">{o.receivedReference}</div> : null}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge tone={STATUS_TONE[o.status] ?? 'neutral'}>{t(`settings.subscription.status.${o.status}`)}</StatusBadge>
                      {o.paidAt ? (
                        <div className="muted">
                          {formatDate(o.paidAt)} {o.markedPaidByName ?? ''}
                        </div>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {o.status !== 'PENDING_PAYMENT' ? null : paying === o.id ? (
                        <div className="confirm-box">
                          <label className="field">
                            <span>{t('admin.dossier.orders.reference')}</span>
                            <input name="reference" value={reference} onChange={(e) => setReference(e.target.value)} />
                          </label>
                          <div className="form-actions">
                            <button
                              type="button"
                              className="button"
                              onClick={() =>
                                void markPaid({ variables: { orderId: o.id, reference: reference || null } })
                                  .catch(ignore)
                                  .finally(() => {
                                    setPaying(null);
                                    setReference('');
                                  })
                              }
                            >
                              {t('admin.dossier.orders.confirmPaid')}
                            </button>
                            <button type="button" className="button button-secondary" onClick={() => setPaying(null)}>
                              {t('settings.cancel')}
                            </button>
                          </div>
                        </div>
                      ) : (
                        <span className="inline-form">
                          <button type="button" className="button" onClick={() => setPaying(o.id)}>
                            {t('admin.dossier.orders.markPaid')}
                          </button>
                          <button type="button" className="button button-secondary" onClick={() => void cancelOrder({ variables: { orderId: o.id } }).catch(ignore)}>
                            {t('admin.dossier.orders.cancel')}
                          </button>
                        </span>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Card>
      <Card title={t('admin.dossier.actions.title')}>
        <ActionsTable actions={d.recentActions} />
      </Card>
    </div>
  );
}
