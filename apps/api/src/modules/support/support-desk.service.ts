import { In } from 'typeorm';
import { fieldErrors, plainText, SUPPORT_LIMITS, type Plan, type Profile } from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import { AppError, badInput, conflict, notFound, planLimit } from '../../core/errors';
import {
  applyAddUser,
  applyChangeLoginEmail,
  applyChangeProfile,
  applyRemoveUser,
  recordAction,
  seatOrderPaidHooks,
  type Applied,
} from '../admin/admin.service';
import { AdminActionKind } from '../admin/admin-action.entity';
import { Dossier } from '../identity/dossier.entity';
import { lockDossier } from '../dossiers/seats.service';
import { clock } from '../../core/clock';
import type { CrossDossierData } from '../../core/cross-dossier';
import { HistoryEntityType, HistoryEntry, HistoryEntryType, type FieldChangeData } from '../history/history-entry.entity';
import { recordHistory } from '../history/history.service';
import { toHistoryView } from '../history/history.types';
import { Membership } from '../identity/membership.entity';
import { User } from '../identity/user.entity';
import {
  OPEN_SUPPORT_STATUSES as OPEN_STATUSES,
  SupportMessageSide,
  SupportRequestKind,
  SupportRequestStatus,
} from '@comptoir/schema';
import { SeatOrder } from '../dossiers/seat-order.entity';
import { SupportMessage, SupportRequest } from './support-request.entity';
import { mailSupportAnswer } from './support.mail';
import { announceSupportMessage, messageText, refusedInput } from './support.service';
import type { AdminSupportEventType, AdminSupportFilterInput } from './support.types';
import { pendingOrderIds, requestViews, summarize } from './support.views';

const QUEUE_CAP = 200;

/**
 * The support agent's context acting on one dossier, inside the caller's transaction
 * (`inDossier`): scoped statements, and history entries in that dossier's chain, signed
 * by the agent. A support session has no dossier of its own.
 */
function onDossierOf(tx: RequestContext, request: { dossierId: string }): RequestContext {
  return tx.inDossier(request.dossierId, 'supportDesk');
}

function history(tx: RequestContext, request: SupportRequest, type: HistoryEntryType, data: Record<string, unknown>) {
  return recordHistory(onDossierOf(tx, request), {
    entityType: HistoryEntityType.SUPPORT_REQUEST,
    entityId: request.id,
    type,
    data: data as never,
  });
}

/** Which dossier a request belongs to: the desk's one lookup by id alone (requests of every dossier). */
async function dossierOf(ctx: RequestContext, id: string): Promise<string> {
  const found = await ctx.acrossDossiers('supportDesk', (data) => data.findOne(SupportRequest, { where: { id }, select: { id: true, dossierId: true } }));
  if (!found) throw notFound('Support request', id);
  return found.dossierId;
}

/**
 * The request, locked for the rest of the transaction, with the transaction's context
 * bound to its dossier (`onDossier`) for the rest of the work. The dossier row is locked
 * first, in the same order as the admin operations and seat payments, so two
 * transactions never wait for each other crosswise.
 */
async function lockRequest(tx: RequestContext, id: string): Promise<{ request: SupportRequest; dossier: Dossier; onDossier: RequestContext }> {
  const onDossier = onDossierOf(tx, { dossierId: await dossierOf(tx, id) });
  const dossier = await lockDossier(onDossier);
  const request = await onDossier.scoped(SupportRequest, 'Support request').get(id, { lock: true });
  return { request, dossier, onDossier };
}

function assertOpen(request: SupportRequest): void {
  if ((OPEN_STATUSES as readonly string[]).includes(request.status)) return;
  throw conflict('REQUEST_CLOSED', `This request is already ${request.status}`, { status: request.status });
}

/** OPEN → IN_PROGRESS, in charge of the caller when nobody is (history written). */
async function startIfOpen(tx: RequestContext, request: SupportRequest, now: Date): Promise<void> {
  const changes: Partial<SupportRequest> = {};
  if (request.status === SupportRequestStatus.OPEN) {
    changes.status = SupportRequestStatus.IN_PROGRESS;
    await history(tx, request, HistoryEntryType.STATUS_CHANGED, { from: request.status, to: SupportRequestStatus.IN_PROGRESS });
  }
  if (!request.assignedToId) {
    changes.assignedToId = tx.userId;
    changes.assignedAt = now;
    await history(tx, request, HistoryEntryType.ASSIGNED, { label: tx.user.name });
  }
  if (Object.keys(changes).length) {
    await onDossierOf(tx, request).scoped(SupportRequest).update({ id: request.id }, { ...changes, updatedAt: now });
    Object.assign(request, changes);
  }
}

async function addMessage(tx: RequestContext, request: SupportRequest, text: string, now: Date): Promise<void> {
  const onDossier = onDossierOf(tx, request);
  const messages = onDossier.scoped(SupportMessage);
  await messages.insert(
    messages.create({
      requestId: request.id,
      authorId: tx.userId,
      side: SupportMessageSide.SUPPORT,
      text,
      createdAt: now,
      updatedAt: now,
    }),
  );
  await onDossier.scoped(SupportRequest).update({ id: request.id }, { lastMessageAt: now });
}

// ---------------------------------------------------------------- reads

/** The desk's requests of every dossier matching `filter` (a read through the door across dossiers). */
function filtered(data: CrossDossierData, ctx: RequestContext, filter: AdminSupportFilterInput | null | undefined, withStatus: boolean) {
  const qb = data.select(SupportRequest, 'r').innerJoin(Dossier, 'd', 'd.id = r.dossierId');
  const statuses = filter?.statuses?.length ? filter.statuses : [...OPEN_STATUSES];
  if (withStatus) qb.andWhere('r.status IN (:...statuses)', { statuses });
  if (filter?.kind) qb.andWhere('r.kind = :kind', { kind: filter.kind });
  if (filter?.plan) qb.andWhere('d.plan = :plan', { plan: filter.plan });
  if (filter?.dossierId) qb.andWhere('r.dossierId = :dossierId', { dossierId: filter.dossierId });
  if (filter?.mine) qb.andWhere('r.assignedToId = :me', { me: ctx.userId });
  if (filter?.olderThanHours !== null && filter?.olderThanHours !== undefined) {
    if (!Number.isInteger(filter.olderThanHours) || filter.olderThanHours < 0 || filter.olderThanHours > 24 * 365) {
      throw badInput('OUT_OF_RANGE', 'filter.olderThanHours must be between 0 and 8760', 'filter.olderThanHours');
    }
    qb.andWhere('r.createdAt <= :before', { before: new Date(Date.now() - filter.olderThanHours * 3_600_000) });
  }
  return qb;
}

export type AdminRequestView = Awaited<ReturnType<typeof adminViews>>[number];

async function adminViews(ctx: RequestContext, requests: SupportRequest[]) {
  // Requests of several dossiers: each one's messages and seat orders are read in its dossier.
  const views = await ctx.acrossDossiers('supportDesk', (data) => requestViews(ctx, requests, data));
  const dossierIds = [...new Set(requests.map((r) => r.dossierId))];
  const dossiers = dossierIds.length ? await ctx.platform(Dossier).find({ where: { id: In(dossierIds) }, select: { id: true, name: true, plan: true } }) : [];
  const byId = new Map(dossiers.map((d) => [d.id, d]));
  return views.map((v) => ({ ...v, dossierName: byId.get(v.dossierId)?.name ?? '—', plan: byId.get(v.dossierId)?.plan as Plan }));
}

/** The queue: oldest first (the longest waiting on top). */
export async function supportQueue(ctx: RequestContext, filter: AdminSupportFilterInput | null | undefined, first?: number | null) {
  const take = first ?? 50;
  if (!Number.isInteger(take) || take < 1 || take > QUEUE_CAP) throw badInput('OUT_OF_RANGE', `first must be between 1 and ${QUEUE_CAP}`, 'first');
  const [requests, totalCount] = await ctx.acrossDossiers('supportDesk', (data) => {
    const qb = filtered(data, ctx, filter, true).orderBy('r.createdAt', 'ASC').addOrderBy('r.id', 'ASC');
    return Promise.all([qb.clone().take(take).getMany(), qb.clone().getCount()]);
  });
  return { nodes: await adminViews(ctx, requests), totalCount };
}

/** How many requests per status, with the other filters applied. */
export async function supportCounts(ctx: RequestContext, filter: AdminSupportFilterInput | null | undefined) {
  const rows = await ctx.acrossDossiers('supportDesk', (data) =>
    filtered(data, ctx, filter, false)
      .select('r.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy('r.status')
      .getRawMany<{ status: SupportRequestStatus; n: string | number }>(),
  );
  const count = new Map(rows.map((r) => [r.status, Number(r.n)]));
  return Object.values(SupportRequestStatus).map((status) => ({ status, count: count.get(status) ?? 0 }));
}

export async function adminSupportRequest(ctx: RequestContext, id: string): Promise<AdminRequestView> {
  const request = await ctx.acrossDossiers('supportDesk', (data) => data.findOne(SupportRequest, { where: { id } }));
  if (!request) throw notFound('Support request', id);
  return (await adminViews(ctx, [request]))[0];
}

function describeChange(c: FieldChangeData): string {
  return `${c.field}: ${c.before ?? '—'} → ${c.after ?? '—'}`;
}

/** The request's entries of its dossier's hash-chained history, oldest first. */
export async function supportEvents(ctx: RequestContext, request: { id: string; dossierId: string }): Promise<AdminSupportEventType[]> {
  const entries = await onDossierOf(ctx, request).scoped(HistoryEntry, 'History entry').find({
    where: { entityType: HistoryEntityType.SUPPORT_REQUEST, entityId: request.id },
    order: { sequence: 'ASC' },
  });
  const users = entries.length ? await ctx.platform(User).find({ where: { id: In([...new Set(entries.map((e) => e.userId))]) }, select: { id: true, name: true } }) : [];
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return entries.map((entry) => {
    const view = toHistoryView(entry);
    return {
      id: view.id,
      sequence: view.sequence,
      type: view.type,
      userName: nameOf.get(view.userId) ?? null,
      createdAt: view.createdAt,
      fromStatus: view.fromStatus,
      toStatus: view.toStatus,
      label: view.label,
      changes: view.changes.map(describeChange),
    };
  });
}

// ---------------------------------------------------------------- actions

/** « Prendre en charge »: the caller becomes the agent in charge; CONFLICT when a colleague is, unless `force`. */
export async function takeSupportRequest(ctx: RequestContext, id: string, force = false): Promise<AdminRequestView> {
  await ctx.transaction(async (tx) => {
    const { request, onDossier } = await lockRequest(tx, id);
    assertOpen(request);
    if (request.assignedToId === tx.userId) return;
    if (request.assignedToId && !force) {
      const agent = await tx.platform(User).findOneBy({ id: request.assignedToId });
      throw conflict('ALREADY_ASSIGNED', `${agent?.name ?? 'Another agent'} already took this request`, { assignedTo: agent?.name ?? null });
    }
    const now = clock.now();
    if (request.assignedToId) {
      await onDossier.scoped(SupportRequest).update({ id }, { assignedToId: tx.userId, assignedAt: now, updatedAt: now });
      await history(tx, request, HistoryEntryType.ASSIGNED, { label: tx.user.name });
      request.assignedToId = tx.userId;
    }
    await startIfOpen(tx, request, now);
  });
  return adminSupportRequest(ctx, id);
}

/** Support writes in the thread (the request moves to IN_PROGRESS); the requester gets it by e-mail. */
export async function answerSupportRequest(ctx: RequestContext, id: string, text: string): Promise<AdminRequestView> {
  const body = messageText(text, 'text');
  await ctx.transaction(async (tx) => {
    const locked = await lockRequest(tx, id);
    assertOpen(locked.request);
    const now = clock.now();
    await startIfOpen(tx, locked.request, now);
    await addMessage(tx, locked.request, body, now);
    announceSupportMessage(tx, locked.request.dossierId, locked.request.id, SupportMessageSide.SUPPORT, now);
    await mailSupportAnswer(tx, { request: locked.request, summary: summarize(locked.request.kind, locked.request.payload), dossierName: locked.dossier.name }, 'ANSWER', body);
  });
  return adminSupportRequest(ctx, id);
}

/** What a request's change did, for its history entry. */
interface Outcome {
  applied: Applied<unknown>;
  changes: FieldChangeData[];
}

/** Carries out the request with the admin operation of its kind, `onDossier` bound to its dossier. */
async function applyRequest(onDossier: RequestContext, request: SupportRequest): Promise<Outcome> {
  const tx = onDossier;
  const p = request.payload;
  const link = { supportRequestId: request.id };
  const member = async () => {
    const membership = await tx.platform(Membership).findOneBy({ dossierId: request.dossierId, userId: p.memberId! });
    if (!membership) throw notFound('Member', p.memberId);
    return membership;
  };
  switch (request.kind) {
    case SupportRequestKind.CHANGE_LOGIN_EMAIL: {
      await member();
      const before = (await tx.platform(User).findOneByOrFail({ id: p.memberId! })).email;
      const applied = await applyChangeLoginEmail(tx, p.memberId!, p.newEmail!, link);
      return { applied, changes: [{ field: 'email', before, after: p.newEmail! }] };
    }
    case SupportRequestKind.ADD_USER:
    case SupportRequestKind.ACCOUNTANT_ACCESS: {
      const profile = (request.kind === SupportRequestKind.ADD_USER ? p.profile : 'ACCOUNTANT') as Profile;
      const applied = await applyAddUser(tx, { email: p.email!, name: p.name!, phone: p.phone ?? null, profile, firmName: p.firmName ?? null }, link);
      return { applied, changes: [{ field: 'member', before: null, after: `${p.email} (${profile})` }] };
    }
    case SupportRequestKind.CHANGE_PROFILE: {
      const before = (await member()).profile;
      const applied = await applyChangeProfile(tx, p.memberId!, p.profile as Profile, link);
      return { applied, changes: [{ field: 'profile', before, after: p.profile! }] };
    }
    case SupportRequestKind.REMOVE_USER: {
      const membership = await member();
      const applied = await applyRemoveUser(tx, p.memberId!, link);
      return { applied, changes: [{ field: 'member', before: `${p.memberEmail} (${membership.profile})`, after: null }] };
    }
    case SupportRequestKind.OTHER: {
      await recordAction(tx, AdminActionKind.CLOSE_SUPPORT_REQUEST, { dossierId: request.dossierId }, { before: { status: request.status }, after: { status: SupportRequestStatus.DONE } }, link);
      return { applied: { value: null }, changes: [] };
    }
  }
  throw new Error(`unknown kind of request: ${String(request.kind)}`);
}


/**
 * « Traiter »: applies the requested change with the existing admin operation, in
 * ONE transaction with the status change, the AdminAction row (linked to the
 * request) and the history entry. Refused (address already used, no free seat,
 * principal user…): nothing is applied, the request stays open and keeps the
 * reason. Two agents at once: the second finds it DONE (CONFLICT).
 */
export async function processSupportRequest(ctx: RequestContext, id: string, message?: string | null): Promise<AdminRequestView> {
  const answer = !message?.trim() ? null : messageText(message, 'message');
  let applying = false;
  try {
    await ctx.transaction(async (tx) => {
      const locked = await lockRequest(tx, id);
      const found = locked.request;
      assertOpen(found);
      if (found.heldBySeatOrderId && (await pendingOrderIds(locked.onDossier.scoped(SeatOrder, 'Seat order'), found.dossierId, [found.heldBySeatOrderId])).size) {
        throw planLimit('HELD_UNTIL_PAID', 'This request waits for its seat order to be paid', { seatOrderId: found.heldBySeatOrderId });
      }
      applying = true;
      const result = await applyRequest(locked.onDossier, found);
      applying = false;
      const now = clock.now();
      if (answer) await addMessage(tx, found, answer, now);
      await locked.onDossier.scoped(SupportRequest).update({ id }, {
        status: SupportRequestStatus.DONE,
        closedAt: now,
        closedById: tx.userId,
        assignedToId: found.assignedToId ?? tx.userId,
        assignedAt: found.assignedAt ?? now,
        failureMessage: null,
        failureReason: null,
        failedAt: null,
        updatedAt: now,
      });
      await history(tx, found, HistoryEntryType.STATUS_CHANGED, { from: found.status, to: SupportRequestStatus.DONE, changes: result.changes });
      // The change's own mails (invitation, address notices) are already queued by applyRequest.
      await mailSupportAnswer(tx, { request: found, summary: summarize(found.kind, found.payload), dossierName: locked.dossier.name }, 'DONE', answer);
    });
  } catch (err) {
    if (applying && err instanceof AppError) await recordFailure(ctx, id, err);
    throw err;
  }
  return adminSupportRequest(ctx, id);
}

/** After a refused change (rolled back): the request keeps the reason and its history says so. */
async function recordFailure(ctx: RequestContext, id: string, err: AppError): Promise<void> {
  await ctx.transaction(async (tx) => {
    const { request, onDossier } = await lockRequest(tx, id);
    if (!(OPEN_STATUSES as readonly string[]).includes(request.status)) return;
    const now = clock.now();
    const reason = err.reason;
    await onDossier.scoped(SupportRequest).update({ id }, { failureMessage: err.message.slice(0, 1000), failureReason: reason.slice(0, 40), failedAt: now, updatedAt: now });
    await history(tx, request, HistoryEntryType.PROCESSING_FAILED, { label: err.message.slice(0, 500), reason });
  });
}

/** « Refuser »: REJECTED with its reason (required), which the requester reads in the thread and by e-mail. Nothing else changes. */
export async function rejectSupportRequest(ctx: RequestContext, id: string, reason: string): Promise<AdminRequestView> {
  const parsed = plainText(SUPPORT_LIMITS.reason).safeParse(reason ?? '');
  if (!parsed.success) throw refusedInput(fieldErrors(parsed.error, reason), 'reason');
  const text = parsed.data.trim();
  await ctx.transaction(async (tx) => {
    const locked = await lockRequest(tx, id);
    const found = locked.request;
    assertOpen(found);
    const now = clock.now();
    await addMessage(tx, found, text, now);
    await locked.onDossier.scoped(SupportRequest).update({ id }, {
      status: SupportRequestStatus.REJECTED,
      rejectionReason: text,
      closedAt: now,
      closedById: tx.userId,
      assignedToId: found.assignedToId ?? tx.userId,
      assignedAt: found.assignedAt ?? now,
      updatedAt: now,
    });
    await recordAction(tx, AdminActionKind.REJECT_SUPPORT_REQUEST, { dossierId: found.dossierId }, {
      before: { status: found.status },
      after: { status: SupportRequestStatus.REJECTED },
      reason: text,
    }, { supportRequestId: id });
    await history(tx, found, HistoryEntryType.STATUS_CHANGED, { from: found.status, to: SupportRequestStatus.REJECTED, label: text });
    await mailSupportAnswer(tx, { request: found, summary: summarize(found.kind, found.payload), dossierName: locked.dossier.name }, 'REJECTED', text);
  });
  return adminSupportRequest(ctx, id);
}

/** A seat order paid: its held ADD_USER requests can be processed (their history says so). */
seatOrderPaidHooks.push(async (onDossier, order) => {
  const held = await onDossier.scoped(SupportRequest, 'Support request').find({
    where: { heldBySeatOrderId: order.id, status: In([...OPEN_STATUSES]) },
    order: { createdAt: 'ASC' },
  });
  for (const request of held) {
    await history(onDossier, request, HistoryEntryType.UPDATED, { changes: [{ field: 'onHold', before: 'true', after: 'false' }] });
  }
});

