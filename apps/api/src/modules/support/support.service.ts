import { In } from 'typeorm';
import {
  fieldErrors,
  Profile,
  SUPPORT_PAYLOAD_FIELD,
  SupportRequestInputSchema,
  supportMessage,
  OPEN_SUPPORT_STATUSES as OPEN_STATUSES,
  SupportMessageSide,
  SupportRequestKind,
  SupportRequestStatus,
  type FieldError,
} from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import { AppError, badInput, conflict, forbidden, notFound, planLimit } from '../../core/errors';
import { clock } from '../../core/clock';
import { topics } from '../../core/bus';
import { HistoryEntityType, HistoryEntryType } from '../history/history-entry.entity';
import { recordHistory } from '../history/history.service';
import { Dossier } from '../identity/dossier.entity';
import { SeatOrder, SeatOrderStatus } from '../dossiers/seat-order.entity';
import { canBuyExtraSeats, hasAccountantAccess, lockDossier, PLAN_LABEL, seatUsage } from '../dossiers/seats.service';
import { Membership } from '../identity/membership.entity';
import { normalizeEmail, User } from '../identity/user.entity';
import { SupportMessage, SupportRequest, type StoredPayload } from './support-request.entity';
import { mailRequestReceived, mailRequesterMessage } from './support.mail';
import type { SupportRequestInput, SupportRequestView } from './support.types';
import { requestViews, summarize } from './support.views';

/** OWNER and ADV send every kind and follow every request of the dossier; the others their own OTHER only. */
export function managesSupport(profile: Profile | null): boolean {
  return profile === Profile.OWNER || profile === Profile.ADV;
}

const LIST_CAP = 200;

/** BAD_USER_INPUT for the first refused field, its path under `prefix` (`input.addUser.email`). */
export function refusedInput(errors: FieldError[], prefix: string): AppError {
  const first = errors[0];
  const field = [prefix, first.path].filter(Boolean).join('.');
  return badInput(first.reason, `${field}: ${first.message}`, field, { fieldReason: first.reason });
}

/** `text` checked as a thread message (plain text, length-limited); BAD_USER_INPUT naming `field`. */
export function messageText(text: string | null | undefined, field: string): string {
  const parsed = supportMessage().safeParse(text ?? '');
  if (!parsed.success) throw refusedInput(fieldErrors(parsed.error, text), field);
  return parsed.data.trim();
}

const trimmed = (value: string | null | undefined): string | undefined => (value === null || value === undefined ? undefined : value.trim());

/**
 * The payload of `input.kind`, validated by the shared zod schema (the SPA's forms
 * use the same), then trimmed, with e-mails normalized. BAD_USER_INPUT names the field.
 */
export function parsePayload(input: SupportRequestInput): { kind: SupportRequestKind; payload: StoredPayload; message: string | null } {
  const parsed = SupportRequestInputSchema.safeParse(input);
  if (!parsed.success) throw refusedInput(fieldErrors(parsed.error, input), 'input');
  const value = parsed.data;
  const raw = value[SUPPORT_PAYLOAD_FIELD[value.kind]] as Record<string, string | null | undefined>;
  const payload: StoredPayload = {};
  for (const [key, text] of Object.entries(raw)) {
    const clean = trimmed(text);
    if (clean === undefined || clean === '') continue;
    (payload as Record<string, string>)[key] = key === 'email' || key === 'newEmail' ? normalizeEmail(clean) : clean;
  }
  if (value.kind === 'ADD_USER' || value.kind === 'ACCOUNTANT_ACCESS') payload.phone ??= null;
  return { kind: value.kind as SupportRequestKind, payload, message: trimmed(value.message) || null };
}

/** A member of the context's dossier, with their user. */
async function memberOf(ctx: RequestContext, userId: string): Promise<Membership & { user: User }> {
  const membership = await ctx.platform(Membership).findOne({ where: { dossierId: ctx.dossierId, userId }, relations: { user: true } });
  if (!membership?.user) throw notFound('Member', userId);
  return membership as Membership & { user: User };
}

/** Open requests of the context's dossier still to be carried out. */
function openRequests(ctx: RequestContext, kinds: SupportRequestKind[]): Promise<SupportRequest[]> {
  return ctx.scoped(SupportRequest, 'Support request').find({ where: { kind: In(kinds), status: In([...OPEN_STATUSES]) } });
}

/**
 * ADD_USER needs a seat: a free one (not already promised to another open ADD_USER),
 * or one of a seat order awaiting payment (the request is then held until it is
 * paid). Neither: PLAN_LIMIT, and the SPA offers the seat order page.
 */
async function seatForNewUser(ctx: RequestContext, dossier: Dossier): Promise<{ heldBySeatOrderId: string | null }> {
  const usage = await seatUsage(ctx, dossier);
  const open = await openRequests(ctx, [SupportRequestKind.ADD_USER]);
  const heldIds = open.map((r) => r.heldBySeatOrderId).filter((x): x is string => !!x);
  const pendingOrders = canBuyExtraSeats(dossier.plan)
    ? await ctx.scoped(SeatOrder, 'Seat order').find({ where: { status: SeatOrderStatus.PENDING_PAYMENT }, order: { createdAt: 'ASC', id: 'ASC' } })
    : [];
  const pendingIds = new Set(pendingOrders.map((o) => o.id));
  const promised = open.filter((r) => !r.heldBySeatOrderId || !pendingIds.has(r.heldBySeatOrderId)).length;
  if (usage.seatsAvailable - promised >= 1) return { heldBySeatOrderId: null };
  for (const order of pendingOrders) {
    if (order.quantity > heldIds.filter((id) => id === order.id).length) return { heldBySeatOrderId: order.id };
  }
  throw planLimit(
    'NO_SEAT_LEFT',
    `No seat is free for a new user: the ${PLAN_LABEL[dossier.plan]} plan of this dossier allows ${usage.totalSeats} login(s), ${usage.seatsUsed} used` +
      (promised ? ` and ${promised} promised to requests in progress` : '') +
      (canBuyExtraSeats(dossier.plan) ? '; order an extra seat first' : '; a bigger plan is needed'),
    { canOrderSeats: canBuyExtraSeats(dossier.plan), totalSeats: usage.totalSeats, seatsUsed: usage.seatsUsed, promised },
  );
}

/** Rules of each kind that depend on the (session's) dossier; fills the member snapshot. Runs with the dossier locked. */
async function checkAgainstDossier(tx: RequestContext, dossier: Dossier, kind: SupportRequestKind, payload: StoredPayload): Promise<{ heldBySeatOrderId: string | null }> {
  const f = `input.${SUPPORT_PAYLOAD_FIELD[kind]}`;
  if (payload.memberId) {
    const member = await memberOf(tx, payload.memberId);
    Object.assign(payload, { memberName: member.user.name, memberEmail: member.user.email, memberProfile: member.profile });
    if (member.isPrincipal && (kind === SupportRequestKind.CHANGE_PROFILE || kind === SupportRequestKind.REMOVE_USER)) {
      throw conflict('PRINCIPAL_USER', 'The principal user keeps the OWNER profile and cannot be removed', { field: `${f}.memberId` });
    }
  }
  switch (kind) {
    case SupportRequestKind.CHANGE_LOGIN_EMAIL: {
      if (payload.newEmail === payload.memberEmail) throw badInput('SAME_EMAIL', `${f}.newEmail is already this member’s login`, `${f}.newEmail`);
      if (await tx.platform(User).existsBy({ email: payload.newEmail! })) {
        throw conflict('EMAIL_TAKEN', `The e-mail ${payload.newEmail} is already the login of another user`, { field: `${f}.newEmail` });
      }
      return { heldBySeatOrderId: null };
    }
    case SupportRequestKind.CHANGE_PROFILE:
      if (payload.profile === payload.memberProfile) throw badInput('SAME_PROFILE', `${f}.profile is already this member’s profile`, `${f}.profile`);
      return { heldBySeatOrderId: null };
    case SupportRequestKind.ADD_USER:
    case SupportRequestKind.ACCOUNTANT_ACCESS: {
      const email = normalizeEmail(payload.email!);
      const existing = await tx.platform(User).findOneBy({ email });
      if (existing && (await tx.platform(Membership).existsBy({ dossierId: dossier.id, userId: existing.id }))) {
        throw conflict('ALREADY_MEMBER', `${email} is already a member of this dossier`, { field: `${f}.email` });
      }
      const pending = await openRequests(tx, [SupportRequestKind.ADD_USER, SupportRequestKind.ACCOUNTANT_ACCESS]);
      if (pending.some((r) => r.payload.email === email)) {
        throw conflict('ALREADY_REQUESTED', `A request to add ${email} is already in progress`, { field: `${f}.email` });
      }
      if (kind === SupportRequestKind.ACCOUNTANT_ACCESS) {
        if (!hasAccountantAccess(dossier.plan)) {
          throw planLimit('NO_ACCOUNTANT_ACCESS', `Accountant access needs the TPE+ plan (this dossier is on ${PLAN_LABEL[dossier.plan]})`, { plan: dossier.plan });
        }
        return { heldBySeatOrderId: null };
      }
      return seatForNewUser(tx, dossier);
    }
    default:
      return { heldBySeatOrderId: null };
  }
}

/** Sends a request from the session's dossier. */
export async function createSupportRequest(ctx: RequestContext, input: SupportRequestInput): Promise<SupportRequestView> {
  const profile = ctx.user.profile;
  const { kind, payload, message } = parsePayload(input);
  if (!managesSupport(profile) && kind !== SupportRequestKind.OTHER) {
    throw forbidden('Your profile may only send requests of kind OTHER', 'SUPPORT_KIND_NOT_ALLOWED');
  }
  const created = await ctx.transaction(async (tx) => {
    const dossier = await lockDossier(tx);
    const { heldBySeatOrderId } = await checkAgainstDossier(tx, dossier, kind, payload);
    const now = clock.now();
    const request = tx.scoped(SupportRequest, 'Support request').create({
      kind,
      status: SupportRequestStatus.OPEN,
      payload,
      requestedById: tx.userId,
      assignedToId: null,
      assignedAt: null,
      heldBySeatOrderId,
      lastMessageAt: now,
      closedAt: null,
      closedById: null,
      rejectionReason: null,
      failureMessage: null,
      failureReason: null,
      failedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await tx.scoped(SupportRequest).save(request);
    if (message) {
      await tx.scoped(SupportMessage).save(
        tx.scoped(SupportMessage).create({ requestId: request.id, authorId: tx.userId, side: SupportMessageSide.REQUESTER, text: message, createdAt: now, updatedAt: now }),
      );
    }
    await recordHistory(tx, {
      entityType: HistoryEntityType.SUPPORT_REQUEST,
      entityId: request.id,
      type: HistoryEntryType.CREATED,
      data: { label: summarize(kind, payload) },
    });
    // The acknowledgement and the notice to support go to the outbox in this transaction.
    const requester = await tx.platform(User).findOneByOrFail({ id: tx.userId });
    await mailRequestReceived(tx, { request, summary: summarize(kind, payload), dossierName: dossier.name }, requester, message);
    return { request, dossier };
  });
  return (await requestViews(ctx, [created.request]))[0];
}

/** The requests the session may follow: all of the dossier's for OWNER/ADV, else its own (OTHER only). */
function visibleWhere(ctx: RequestContext) {
  return managesSupport(ctx.user.profile) ? {} : { requestedById: ctx.userId, kind: SupportRequestKind.OTHER };
}

export async function listSupportRequests(ctx: RequestContext, status?: SupportRequestStatus | null, first?: number | null): Promise<SupportRequestView[]> {
  const take = first ?? 50;
  if (!Number.isInteger(take) || take < 1 || take > LIST_CAP) throw badInput('OUT_OF_RANGE', `first must be between 1 and ${LIST_CAP}`, 'first');
  const requests = await ctx.scoped(SupportRequest, 'Support request').find({
    where: { ...visibleWhere(ctx), ...(status ? { status } : {}) },
    order: { createdAt: 'DESC', id: 'DESC' },
    take,
  });
  return requestViews(ctx, requests);
}

/** A request of the session's dossier the session may follow, or NOT_FOUND (as for a missing one). */
export async function visibleRequest(ctx: RequestContext, id: string, options: { lock?: boolean } = {}): Promise<SupportRequest> {
  const request = await ctx.scoped(SupportRequest, 'Support request').get(id, options);
  const rule = visibleWhere(ctx);
  if ('requestedById' in rule && (request.requestedById !== rule.requestedById || request.kind !== rule.kind)) throw notFound('Support request', id);
  return request;
}

export async function getSupportRequest(ctx: RequestContext, id: string): Promise<SupportRequestView> {
  return (await requestViews(ctx, [await visibleRequest(ctx, id)]))[0];
}

/** A message in a request's thread, announced live to the dossier and to /admin after commit. */
export interface SupportMessageEvent {
  kind: 'support-message';
  dossierId: string;
  requestId: string;
  side: SupportMessageSide;
  userId: string;
  userName: string;
  at: string;
}

export function announceSupportMessage(tx: RequestContext, dossierId: string, requestId: string, side: SupportMessageSide, at: Date): void {
  const event: SupportMessageEvent = { kind: 'support-message', dossierId, requestId, side, userId: tx.userId, userName: tx.user.name, at: at.toISOString() };
  tx.publishAfterCommit(topics.dossier(dossierId), event);
  tx.publishAfterCommit(topics.admin, event);
}

/** The dossier writes in a request's thread; a closed request takes no more messages. */
export async function postSupportMessage(ctx: RequestContext, id: string, text: string): Promise<SupportRequestView> {
  const body = messageText(text, 'text');
  await ctx.transaction(async (tx) => {
    const found = await visibleRequest(tx, id, { lock: true });
    if (!(OPEN_STATUSES as readonly string[]).includes(found.status)) {
      throw conflict('REQUEST_CLOSED', 'This request is closed: send a new one', { status: found.status });
    }
    const now = clock.now();
    await tx.scoped(SupportMessage).save(
      tx.scoped(SupportMessage).create({ requestId: found.id, authorId: tx.userId, side: SupportMessageSide.REQUESTER, text: body, createdAt: now, updatedAt: now }),
    );
    await tx.scoped(SupportRequest).update({ id: found.id }, { lastMessageAt: now });
    announceSupportMessage(tx, tx.dossierId, found.id, SupportMessageSide.REQUESTER, now);
    const dossier = await tx.platform(Dossier).findOneByOrFail({ id: tx.dossierId });
    await mailRequesterMessage(tx, { request: found, summary: summarize(found.kind, found.payload), dossierName: dossier.name }, tx.user.name, body);
  });
  return getSupportRequest(ctx, id);
}

/** Open requests of the dossier, for the home page and menus (the session's visibility). */
export async function openRequestCount(ctx: RequestContext): Promise<number> {
  return ctx.scoped(SupportRequest).count({ ...visibleWhere(ctx), status: In([...OPEN_STATUSES]) });
}

