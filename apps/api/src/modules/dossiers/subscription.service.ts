import { In } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { conflict, planLimit } from '../../core/errors';
import { intInRange } from '../../core/input-validation';
import { User } from '../identity/user.entity';
import { Dossier } from '../identity/dossier.entity';
import { defaultPaymentProvider, SEAT_UNIT_PRICE_CENTS, SUBSCRIPTION_VAT_PERCENT } from './payment-provider';
import { SeatOrder, SeatOrderStatus } from './seat-order.entity';
import { canBuyExtraSeats, PLAN_LABEL, seatUsage, type SeatUsage } from './seats.service';

export const MAX_SEATS_PER_ORDER = 50;
/** Orders listed with a subscription, newest first. */
const ORDERS_SHOWN = 50;

export interface SeatOrderView {
  id: string;
  quantity: number;
  unitPriceCents: number;
  totalCents: number;
  totalInclVatCents: number;
  status: SeatOrderStatus;
  provider: string;
  paymentReference: string;
  paymentInstructions: string;
  createdAt: Date;
  orderedByName: string | null;
  paidAt: Date | null;
  markedPaidByName: string | null;
  receivedReference: string | null;
  cancelledAt: Date | null;
  /** Not exposed on the dossier side. */
  dossierId: string;
}

export interface SubscriptionView extends SeatUsage {
  canOrderSeats: boolean;
  seatUnitPriceCents: number;
  orders: SeatOrderView[];
}

/** GraphQL views of orders, with the names of who ordered / marked paid in one query. */
export async function seatOrderViews(ctx: RequestContext, orders: SeatOrder[]): Promise<SeatOrderView[]> {
  const ids = [...new Set(orders.flatMap((o) => [o.orderedById, o.markedPaidById]).filter((id): id is string => !!id))];
  const users = ids.length ? await ctx.platform(User).find({ where: { id: In(ids) }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return orders.map((o) => ({
    id: o.id,
    dossierId: o.dossierId,
    quantity: o.quantity,
    unitPriceCents: o.unitPriceCents,
    totalCents: o.totalCents,
    totalInclVatCents: o.totalInclVatCents,
    status: o.status,
    provider: o.provider,
    paymentReference: o.paymentReference,
    paymentInstructions: o.paymentInstructions,
    createdAt: o.createdAt,
    orderedByName: names.get(o.orderedById) ?? null,
    paidAt: o.paidAt,
    markedPaidByName: o.markedPaidById ? (names.get(o.markedPaidById) ?? null) : null,
    receivedReference: o.receivedReference,
    cancelledAt: o.cancelledAt,
  }));
}

/** VAT-inclusive amount in integer cents (rounded half up, integer arithmetic only). */
export function withVat(cents: number, percent = SUBSCRIPTION_VAT_PERCENT): number {
  return cents + Math.floor((cents * percent + 50) / 100);
}

export async function mySubscription(ctx: RequestContext): Promise<SubscriptionView> {
  const dossier = await ctx.platform(Dossier).findOneByOrFail({ id: ctx.dossierId });
  const orders = await ctx.scoped(SeatOrder, 'Seat order').find({ order: { createdAt: 'DESC', id: 'DESC' }, take: ORDERS_SHOWN });
  return {
    ...(await seatUsage(ctx, dossier)),
    canOrderSeats: canBuyExtraSeats(dossier.plan),
    seatUnitPriceCents: SEAT_UNIT_PRICE_CENTS,
    orders: await seatOrderViews(ctx, orders),
  };
}

/** OWNER/ADV order extra seats: PENDING_PAYMENT with the provider's instructions. */
export async function orderSeats(ctx: RequestContext, quantity: number): Promise<SeatOrderView> {
  intInRange(quantity, 'quantity', 1, MAX_SEATS_PER_ORDER);
  const order = await ctx.transaction(async (tx) => {
    const dossier = await tx.platform(Dossier).findOneByOrFail({ id: tx.dossierId });
    if (!canBuyExtraSeats(dossier.plan)) {
      throw planLimit('SINGLE_LOGIN_PLAN', `The ${PLAN_LABEL[dossier.plan]} plan has one login only: extra seats need the TPE or TPE+ plan`, { plan: dossier.plan });
    }
    const provider = defaultPaymentProvider();
    const totalCents = quantity * SEAT_UNIT_PRICE_CENTS;
    const totalInclVatCents = withVat(totalCents);
    const paymentReference = provider.newReference();
    const repo = tx.scoped(SeatOrder, 'Seat order');
    return repo.save(
      repo.create({
        quantity,
        unitPriceCents: SEAT_UNIT_PRICE_CENTS,
        totalCents,
        totalInclVatCents,
        status: SeatOrderStatus.PENDING_PAYMENT,
        provider: provider.code,
        paymentReference,
        paymentInstructions: provider.instructions({ dossierName: dossier.name, quantity, amountCents: totalInclVatCents, reference: paymentReference }).text,
        orderedById: tx.userId,
        paidAt: null,
        markedPaidById: null,
        receivedReference: null,
        cancelledAt: null,
        cancelledById: null,
      }),
    );
  });
  return (await seatOrderViews(ctx, [order]))[0];
}

/**
 * PENDING_PAYMENT → CANCELLED by the context's user, as one conditional UPDATE so that
 * a concurrent "paid" cannot be overwritten; CONFLICT when the order is no longer
 * pending. `ctx` is bound to the order's dossier (the session's, or `ctx.inDossier`).
 */
export async function cancelPendingOrder(ctx: RequestContext, order: SeatOrder): Promise<SeatOrder> {
  if (order.status !== SeatOrderStatus.PENDING_PAYMENT) {
    throw conflict('SEAT_ORDER_NOT_PENDING', `This seat order is ${order.status}: only a pending order can be cancelled`, { status: order.status });
  }
  const now = new Date();
  const orders = ctx.scoped(SeatOrder, 'Seat order');
  const changed = await orders.update(
    { id: order.id, status: SeatOrderStatus.PENDING_PAYMENT },
    { status: SeatOrderStatus.CANCELLED, cancelledAt: now, cancelledById: ctx.userId },
  );
  if (changed !== 1) throw conflict('SEAT_ORDER_NOT_PENDING', 'This seat order is no longer pending');
  return orders.get(order.id);
}

export async function cancelSeatOrder(ctx: RequestContext, id: string): Promise<SeatOrderView> {
  const order = await ctx.transaction(async (tx) => {
    const found = await tx.scoped(SeatOrder, 'Seat order').get(id, { lock: true });
    return cancelPendingOrder(tx, found);
  });
  return (await seatOrderViews(ctx, [order]))[0];
}
