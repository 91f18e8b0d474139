import { Table } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { graphql } from '../../gql';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { StatusBadge, type Tone } from '../../ui/status-badge';
import { SeatFacts } from './seat-facts';
import { SettingsHeader } from './settings-tabs';
import { Loading } from '../../ui/loading';
import { TableScroll } from '../../ui/table-scroll';

const SubscriptionQuery = graphql(`
  query MySubscription {
    mySubscription {
      plan
      includedSeats
      extraSeats
      totalSeats
      seatsUsed
      seatsAvailable
      accountantAccess
      accountants
      canOrderSeats
      seatUnitPriceCents
      orders {
        id
        quantity
        unitPriceCents
        totalCents
        totalInclVatCents
        status
        paymentReference
        paymentInstructions
        createdAt
        orderedByName
        paidAt
      }
    }
  }
`);

const OrderSeatsMutation = graphql(`
  mutation OrderSeats($quantity: Int!) {
    orderSeats(quantity: $quantity) {
      id
      status
      paymentInstructions
    }
  }
`);

const CancelSeatOrderMutation = graphql(`
  mutation CancelSeatOrder($id: ID!) {
    cancelSeatOrder(id: $id) {
      id
      status
      cancelledAt
    }
  }
`);

const STATUS_TONE: Record<string, Tone> = { PENDING_PAYMENT: 'warning', PAID: 'success', CANCELLED: 'neutral' };
const MAX_QUANTITY = 50;

/** VAT at 20 % on integer cents, rounded half up without floating point on money. */
function withVat(cents: number): number {
  return cents + Math.floor((cents * 20 + 50) / 100);
}

/** Paramètres / Mon abonnement: plan, seats, ordering extra seats, pending orders. */
export default function SettingsSubscriptionPage() {
  const { t, formatAmount, formatDate } = useI18n();
  const { data, loading, error } = useQuery(SubscriptionQuery, { fetchPolicy: 'cache-and-network' });
  const [quantity, setQuantity] = useState(1);
  const [confirming, setConfirming] = useState(false);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [ordered, setOrdered] = useState<string | null>(null);
  const [order, orderState] = useMutation(OrderSeatsMutation, { refetchQueries: [SubscriptionQuery] });
  const [cancel, cancelState] = useMutation(CancelSeatOrderMutation, { refetchQueries: [SubscriptionQuery] });

  const sub = data?.mySubscription;
  const validQuantity = Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_QUANTITY;
  const totalCents = sub ? quantity * sub.seatUnitPriceCents : 0;

  const ask = (event: FormEvent) => {
    event.preventDefault();
    if (validQuantity) setConfirming(true);
  };
  const confirm = async () => {
    try {
      const result = await order({ variables: { quantity } });
      setOrdered(result.data?.orderSeats.id ?? null);
      setConfirming(false);
    } catch {
      setConfirming(false);
    }
  };
  const confirmCancel = async (id: string) => {
    try {
      await cancel({ variables: { id } });
    } finally {
      setCancelling(null);
    }
  };

  return (
    <>
      <SettingsHeader intro={t('settings.subscription.intro')} />
      <div className="stack">
        {error ? <ApiError error={error} /> : null}
        {loading && !data ? <Loading label={t('app.loading')} /> : null}
        {sub ? (
          <>
            <Card title={t('settings.seats.title')}>
              <SeatFacts seats={sub} />
            </Card>
            <Card title={t('settings.subscription.order.title')}>
              {sub.canOrderSeats ? (
                <form onSubmit={ask} data-testid="order-seats-form">
                  <div className="inline-form">
                    <label className="field">
                      <span>{t('settings.subscription.order.quantity')}</span>
                      <input
                        type="number"
                        min={1}
                        max={MAX_QUANTITY}
                        step={1}
                        name="quantity"
                        value={Number.isNaN(quantity) ? '' : quantity}
                        onChange={(e) => {
                          setQuantity(e.target.valueAsNumber);
                          setConfirming(false);
                        }}
                      />
                    </label>
                    <span className="muted">{t('settings.subscription.order.price', { price: formatAmount(sub.seatUnitPriceCents) })}</span>
                  </div>
                  {validQuantity ? (
                    <p>{t('settings.subscription.order.total', { total: formatAmount(totalCents), totalTtc: formatAmount(withVat(totalCents)) })}</p>
                  ) : (
                    <p className="muted">{t('settings.subscription.order.range', { max: MAX_QUANTITY })}</p>
                  )}
                  {confirming ? (
                    <div className="confirm-box" role="dialog" aria-label={t('settings.subscription.order.title')}>
                      <p>{t('settings.subscription.order.confirm', { quantity, total: formatAmount(totalCents) })}</p>
                      <div className="form-actions">
                        <button type="button" className="button" onClick={() => void confirm()} disabled={orderState.loading}>
                          {t('settings.subscription.order.confirmYes')}
                        </button>
                        <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                          {t('settings.cancel')}
                        </button>
                      </div>
                    </div>
                  ) : (
                    <div className="form-actions">
                      <button type="submit" className="button" disabled={!validQuantity}>
                        {t('settings.subscription.order.submit')}
                      </button>
                    </div>
                  )}
                  {orderState.error ? <ApiError error={orderState.error} /> : null}
                  {ordered ? (
                    <p className="notice" role="status">
                      {t('settings.subscription.order.done')}
                    </p>
                  ) : null}
                </form>
              ) : (
                <p className="note">{t('settings.subscription.order.solo')}</p>
              )}
            </Card>
            <Card title={t('settings.subscription.orders.title')}>
              {cancelState.error ? <ApiError error={cancelState.error} /> : null}
              {sub.orders.length === 0 ? (
                <p className="muted">{t('settings.subscription.orders.empty')}</p>
              ) : (
                <TableScroll>
                  <Table data-testid="seat-orders">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('settings.subscription.orders.date')}</Table.Th>
                        <Table.Th className="num">{t('settings.subscription.orders.quantity')}</Table.Th>
                        <Table.Th className="num">{t('settings.subscription.orders.totalHt')}</Table.Th>
                        <Table.Th className="num">{t('settings.subscription.orders.totalTtc')}</Table.Th>
                        <Table.Th>{t('settings.subscription.orders.status')}</Table.Th>
                        <Table.Th>{t('settings.subscription.orders.reference')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {sub.orders.map((o) => (
                        <Table.Tr key={o.id} data-status={o.status} data-testid="seat-order">
                          <Table.Td>
                            {formatDate(o.createdAt)}
                            {o.orderedByName ? <div className="muted">{o.orderedByName}</div> : null}
                          </Table.Td>
                          <Table.Td className="num">{o.quantity}</Table.Td>
                          <Table.Td className="num">{formatAmount(o.totalCents)}</Table.Td>
                          <Table.Td className="num">{formatAmount(o.totalInclVatCents)}</Table.Td>
                          <Table.Td>
                            <StatusBadge tone={STATUS_TONE[o.status] ?? 'neutral'}>{t(`settings.subscription.status.${o.status}`)}</StatusBadge>
                            {o.paidAt ? <div className="muted">{formatDate(o.paidAt)}</div> : null}
                          </Table.Td>
                          <Table.Td>
                            <code>{o.paymentReference}</code>
                            {o.status === 'PENDING_PAYMENT' ? (
                              <>
                                <details open={o.id === ordered}>
                                  <summary>{t('settings.subscription.instructions')}</summary>
                                  <pre className="instructions">{o.paymentInstructions}</pre>
                                </details>
                                {cancelling === o.id ? (
                                  <div className="confirm-box">
                                    <p>{t('settings.subscription.cancelConfirm')}</p>
                                    <div className="form-actions">
                                      <button type="button" className="button" onClick={() => void confirmCancel(o.id)} disabled={cancelState.loading}>
                                        {t('settings.subscription.cancelYes')}
                                      </button>
                                      <button type="button" className="button button-secondary" onClick={() => setCancelling(null)}>
                                        {t('settings.cancel')}
                                      </button>
                                    </div>
                                  </div>
                                ) : (
                                  <button type="button" className="button button-secondary" onClick={() => setCancelling(o.id)}>
                                    {t('settings.subscription.cancelOrder')}
                                  </button>
                                )}
                              </>
                            ) : null}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </TableScroll>
              )}
            </Card>
          </>
        ) : null}
      </div>
    </>
  );
}
