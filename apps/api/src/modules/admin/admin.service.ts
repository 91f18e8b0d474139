import { In, IsNull } from 'typeorm';
import { Plan, PlatformRole, Profile } from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import { badInput, conflict, notFound } from '../../core/errors';
import { decodeCursor, encodeCursor, pageSize, type Page, type PageArgs } from '../../core/pagination';
import { Dossier } from '../identity/dossier.entity';
import { membersOf, type MemberView } from '../dossiers/dossier.service';
import { SeatOrder, SeatOrderStatus } from '../dossiers/seat-order.entity';
import { assertCanAddMember, assertCanChangeProfile, assertPlanFits, lockDossier, PLAN_LABEL, seatUsage, type SeatUsage } from '../dossiers/seats.service';
import { cancelPendingOrder, seatOrderViews, type SeatOrderView } from '../dossiers/subscription.service';
import { optionalEmail, optionalText, requiredText } from '../../core/input-validation';
import { Membership } from '../identity/membership.entity';
import { Session } from '../identity/session.entity';
import { announceSessionsChanged } from '../identity/session.service';
import { normalizeEmail, User } from '../identity/user.entity';
import { OutboxMessage } from '../mail/outbox.entity';
import { AdminAction, AdminActionKind, type AdminActionDetail } from './admin-action.entity';
import type { AdminAddUserInput } from './admin.types';
import { sendInvitation } from '../identity/invitation.service';

/** Search results are capped: refine the query to find more. */
export const SEARCH_CAP = 50;
const RECENT_ACTIONS = 20;
const ACTIONS_CAP = 200;

export interface DossierSummaryView {
  id: string;
  name: string;
  siret: string | null;
  city: string | null;
  plan: Plan;
  members: number;
  principalEmail: string | null;
  createdAt: Date;
}

export interface AdminActionView {
  id: string;
  createdAt: Date;
  kind: AdminActionKind;
  supportUserId: string;
  supportUserName: string | null;
  supportUserEmail: string | null;
  dossierId: string | null;
  dossierName: string | null;
  targetUserId: string | null;
  targetUserEmail: string | null;
  supportRequestId: string | null;
  detail: string;
}

export interface AdminDossierView {
  id: string;
  name: string;
  siret: string | null;
  vatNumber: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  createdAt: Date;
  plan: Plan;
  seats: SeatUsage;
  members: MemberView[];
  seatOrders: SeatOrderView[];
  recentActions: AdminActionView[];
}

export interface AdminUserView {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  platformRole: PlatformRole | null;
  active: boolean;
  createdAt: Date;
  memberships: { dossierId: string; dossierName: string; profile: Profile; isPrincipal: boolean }[];
}

// ---------------------------------------------------------------- helpers

/** The audit row, written with the change in the caller's transaction. */
export async function recordAction(
  tx: RequestContext,
  kind: AdminActionKind,
  target: { dossierId?: string | null; targetUserId?: string | null },
  detail: AdminActionDetail,
  link: ActionLink = {},
): Promise<AdminAction> {
  if (!tx.inTransaction) throw new Error('admin actions are recorded inside the transaction of the change');
  const actions = tx.platform(AdminAction);
  return actions.save(
    actions.create({
      supportUserId: tx.userId,
      kind,
      dossierId: target.dossierId ?? null,
      targetUserId: target.targetUserId ?? null,
      supportRequestId: link.supportRequestId ?? null,
      detail,
    }),
  );
}

/** Ties an admin action to the support request it carries out (support desk processing). */
export interface ActionLink {
  supportRequestId?: string | null;
}

/**
 * What an operation did inside the caller's transaction. Its e-mails and invitations
 * are already in the outbox of that transaction: they go out only if it commits.
 */
export interface Applied<T> {
  value: T;
}

/** `%text%` for LIKE with `!` as the escape character (the same on SQLite and MySQL). */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

function searchSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return 20;
  if (!Number.isInteger(first) || first < 1 || first > SEARCH_CAP) throw badInput('OUT_OF_RANGE', `first must be between 1 and ${SEARCH_CAP}`, 'first');
  return first;
}

function cleanQuery(query: string): string {
  const text = optionalText(query, 'query', 100) ?? '';
  return text;
}

/** Writes the message to the outbox in the caller's transaction; the outbox worker delivers it (with retries). */
async function notify(tx: RequestContext, to: string, subject: string, text: string): Promise<void> {
  await tx.mail({ to, subject, text });
}

async function getUser(ctx: RequestContext, userId: string): Promise<User> {
  const user = await ctx.platform(User).findOneBy({ id: userId });
  if (!user) throw notFound('User', userId);
  return user;
}

/** The membership of `userId` in the context's dossier, or NOT_FOUND. */
async function getMembership(ctx: RequestContext, userId: string): Promise<Membership> {
  const membership = await ctx.platform(Membership).findOneBy({ dossierId: ctx.dossierId, userId });
  if (!membership) throw notFound('Member', userId);
  return membership;
}

function assertAssignable(profile: Profile, field: string): void {
  if (profile === Profile.OWNER) {
    throw badInput('OWNER_PROFILE_RESERVED', 'OWNER is the principal user’s profile only: give ADV for the same functions', field);
  }
}

/** A member of the context's dossier. */
async function memberView(ctx: RequestContext, userId: string): Promise<MemberView> {
  const member = (await membersOf(ctx)).find((m) => m.userId === userId);
  if (!member) throw notFound('Member', userId);
  return member;
}

// ---------------------------------------------------------------- reads

export async function searchDossiers(ctx: RequestContext, query: string, first?: number | null): Promise<DossierSummaryView[]> {
  const text = cleanQuery(query);
  const take = searchSize(first);
  const qb = ctx.platform(Dossier).createQueryBuilder('d').orderBy('d.name', 'ASC').addOrderBy('d.id', 'ASC').take(take);
  if (text) {
    const pattern = containsPattern(text);
    const digits = text.replace(/\s+/g, '');
    qb.where(
      `LOWER(d.name) LIKE :pattern ESCAPE '!' OR d.id = :exact OR d.id IN (` +
        `SELECT m.dossierId FROM memberships m INNER JOIN users u ON u.id = m.userId WHERE u.email LIKE :pattern ESCAPE '!')` +
        (/^\d{3,14}$/.test(digits) ? ` OR d.siret LIKE :siret` : ''),
      { pattern, exact: text, siret: `${digits}%` },
    );
  }
  const dossiers = await qb.getMany();
  return summaries(ctx, dossiers);
}

async function summaries(ctx: RequestContext, dossiers: Dossier[]): Promise<DossierSummaryView[]> {
  if (dossiers.length === 0) return [];
  const ids = dossiers.map((d) => d.id);
  const counts = await ctx
    .platform(Membership)
    .createQueryBuilder('m')
    .select('m.dossierId', 'dossierId')
    .addSelect('COUNT(*)', 'n')
    .where('m.dossierId IN (:...ids)', { ids })
    .groupBy('m.dossierId')
    .getRawMany<{ dossierId: string; n: string | number }>();
  const principals = await ctx.platform(Membership).find({ where: { dossierId: In(ids), isPrincipal: true }, relations: { user: true } });
  const countOf = new Map(counts.map((c) => [c.dossierId, Number(c.n)]));
  const principalOf = new Map(principals.map((m) => [m.dossierId, m.user?.email ?? null]));
  return dossiers.map((d) => ({
    id: d.id,
    name: d.name,
    siret: d.siret,
    city: d.city,
    plan: d.plan,
    members: countOf.get(d.id) ?? 0,
    principalEmail: principalOf.get(d.id) ?? null,
    createdAt: d.createdAt,
  }));
}

export async function searchUsers(ctx: RequestContext, query: string, first?: number | null): Promise<AdminUserView[]> {
  const text = cleanQuery(query);
  const take = searchSize(first);
  const qb = ctx.platform(User).createQueryBuilder('u').orderBy('u.email', 'ASC').take(take);
  if (text) {
    qb.where(`u.email LIKE :pattern ESCAPE '!' OR LOWER(u.name) LIKE :pattern ESCAPE '!' OR u.id = :exact`, {
      pattern: containsPattern(text),
      exact: text,
    });
  }
  return userViews(ctx, await qb.getMany());
}

async function userViews(ctx: RequestContext, users: User[]): Promise<AdminUserView[]> {
  if (users.length === 0) return [];
  const memberships = await ctx.platform(Membership).find({
    where: { userId: In(users.map((u) => u.id)) },
    relations: { dossier: true },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    phone: u.phone,
    platformRole: u.platformRole,
    active: u.passwordHash !== null,
    createdAt: u.createdAt,
    memberships: memberships
      .filter((m) => m.userId === u.id && m.dossier)
      .map((m) => ({ dossierId: m.dossierId, dossierName: m.dossier!.name, profile: m.profile, isPrincipal: m.isPrincipal }))
      .sort((a, b) => a.dossierName.localeCompare(b.dossierName, 'fr')),
  }));
}

export async function adminDossier(ctx: RequestContext, id: string): Promise<AdminDossierView> {
  const dossier = await ctx.platform(Dossier).findOneBy({ id });
  if (!dossier) throw notFound('Dossier', id);
  const onDossier = ctx.inDossier(id, 'platformAdmin');
  const orders = await onDossier.scoped(SeatOrder, 'Seat order').find({ order: { createdAt: 'DESC', id: 'DESC' }, take: 100 });
  return {
    id: dossier.id,
    name: dossier.name,
    siret: dossier.siret,
    vatNumber: dossier.vatNumber,
    addressLine: dossier.addressLine,
    postalCode: dossier.postalCode,
    city: dossier.city,
    createdAt: dossier.createdAt,
    plan: dossier.plan,
    seats: await seatUsage(onDossier, dossier),
    members: await membersOf(onDossier),
    seatOrders: await seatOrderViews(ctx, orders),
    recentActions: await listActions(ctx, id, RECENT_ACTIONS),
  };
}

/** Support actions, newest first; with a dossier: those on it and on its current members. */
export async function listActions(ctx: RequestContext, dossierId?: string | null, first?: number | null): Promise<AdminActionView[]> {
  const take = first ?? 50;
  if (!Number.isInteger(take) || take < 1 || take > ACTIONS_CAP) throw badInput('OUT_OF_RANGE', `first must be between 1 and ${ACTIONS_CAP}`, 'first');
  const qb = ctx.platform(AdminAction).createQueryBuilder('a').orderBy('a.createdAt', 'DESC').addOrderBy('a.id', 'DESC').take(take);
  if (dossierId) {
    qb.where(`a.dossierId = :dossierId OR a.targetUserId IN (SELECT m.userId FROM memberships m WHERE m.dossierId = :dossierId)`, { dossierId });
  }
  const actions = await qb.getMany();
  const userIds = [...new Set(actions.flatMap((a) => [a.supportUserId, a.targetUserId]).filter((x): x is string => !!x))];
  const dossierIds = [...new Set(actions.map((a) => a.dossierId).filter((x): x is string => !!x))];
  const users = userIds.length ? await ctx.platform(User).find({ where: { id: In(userIds) }, select: { id: true, name: true, email: true } }) : [];
  const dossiers = dossierIds.length ? await ctx.platform(Dossier).find({ where: { id: In(dossierIds) }, select: { id: true, name: true } }) : [];
  const userById = new Map(users.map((u) => [u.id, u]));
  const dossierById = new Map(dossiers.map((d) => [d.id, d.name]));
  return actions.map((a) => ({
    id: a.id,
    createdAt: a.createdAt,
    kind: a.kind,
    supportUserId: a.supportUserId,
    supportUserName: userById.get(a.supportUserId)?.name ?? null,
    supportUserEmail: userById.get(a.supportUserId)?.email ?? null,
    dossierId: a.dossierId,
    dossierName: a.dossierId ? (dossierById.get(a.dossierId) ?? null) : null,
    targetUserId: a.targetUserId,
    targetUserEmail: a.targetUserId ? (userById.get(a.targetUserId)?.email ?? null) : null,
    supportRequestId: a.supportRequestId,
    detail: JSON.stringify(a.detail),
  }));
}

/** The mail outbox, newest first (keyset pagination on createdAt, id). */
export async function outbox(ctx: RequestContext, args: PageArgs): Promise<Page<OutboxMessage>> {
  const take = pageSize(args);
  const cursor = decodeCursor(args.after, 1);
  const qb = ctx.platform(OutboxMessage).createQueryBuilder('o').orderBy('o.createdAt', 'DESC').addOrderBy('o.id', 'DESC').take(take + 1);
  if (cursor) {
    const afterId = String(cursor[0]);
    const anchor = `(SELECT x.createdAt FROM mail_outbox x WHERE x.id = :afterId)`;
    qb.where(`(o.createdAt < ${anchor} OR (o.createdAt = ${anchor} AND o.id < :afterId))`, { afterId });
  }
  const [rows, totalCount] = await Promise.all([qb.getMany(), ctx.platform(OutboxMessage).count()]);
  const nodes = rows.slice(0, take);
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: rows.length > take, endCursor: nodes.length ? encodeCursor([nodes[nodes.length - 1].id]) : null },
  };
}

// ---------------------------------------------------------------- actions

/** Changes a user's login e-mail in the caller's transaction; the user is told at the old and the new address (outbox, same transaction). */
export async function applyChangeLoginEmail(tx: RequestContext, userId: string, newEmail: string, link?: ActionLink): Promise<Applied<User>> {
  const email = optionalEmail(normalizeEmail(newEmail ?? ''), 'newEmail');
  if (!email) throw badInput('REQUIRED', 'newEmail is required', 'newEmail');
  const found = await getUser(tx, userId);
  const before = found.email;
  if (before === email) throw badInput('SAME_EMAIL', 'This is already the login e-mail of this user', 'newEmail');
  const taken = await tx.platform(User).findOneBy({ email });
  if (taken) throw conflict('EMAIL_TAKEN', `The e-mail ${email} is already the login of another user`, { field: 'newEmail' });
  await tx.platform(User).update({ id: found.id }, { email });
  await recordAction(tx, AdminActionKind.CHANGE_LOGIN_EMAIL, { targetUserId: found.id }, { before: { email: before }, after: { email } }, link);
  // Both messages are written in this transaction (outbox): the change never goes untold.
  await notify(tx, before, 'Votre adresse de connexion Comptoir a changé', loginEmailChangedText(found.name, before, email, before));
  await notify(tx, email, 'Votre adresse de connexion Comptoir a changé', loginEmailChangedText(found.name, before, email, email));
  return { value: { ...found, email } as User };
}

function loginEmailChangedText(name: string, before: string, email: string, address: string): string {
  return (
    [
      `Bonjour ${name},`,
      '',
      `À votre demande, l’équipe support de Comptoir a changé votre adresse de connexion :`,
      `  ancienne adresse : ${before}`,
      `  nouvelle adresse : ${email}`,
      '',
      `Ce message est envoyé aux deux adresses (ici : ${address}). Votre mot de passe ne change pas.`,
      'Si vous n’êtes pas à l’origine de cette demande, répondez à ce message ou contactez le support au plus vite.',
    ].join('\n')
  );
}

export async function changeLoginEmail(ctx: RequestContext, userId: string, newEmail: string): Promise<AdminUserView> {
  const applied = await ctx.transaction((tx) => applyChangeLoginEmail(tx, userId, newEmail));
  return (await userViews(ctx, [applied.value]))[0];
}

/**
 * Adds a user to the dossier of `onDossier` (`tx.inDossier(dossierId, reason)`, in the caller's
 * transaction): an existing login gets a membership, a new one an invitation (queued in the same
 * transaction).
 */
export async function applyAddUser(onDossier: RequestContext, input: AdminAddUserInput, link?: ActionLink): Promise<Applied<User>> {
  const email = optionalEmail(normalizeEmail(input.email ?? ''), 'input.email');
  if (!email) throw badInput('REQUIRED', 'input.email is required', 'input.email');
  const name = requiredText(input.name, 'input.name', 120);
  const phone = optionalText(input.phone, 'input.phone', 40);
  const firmName = optionalText(input.firmName, 'input.firmName', 160);
  assertAssignable(input.profile, 'input.profile');
  if (!Object.values(Profile).includes(input.profile)) throw badInput('INVALID_CHOICE', 'input.profile is not a profile', 'input.profile');

  const tx = onDossier;
  const dossierId = tx.dossierId;
  const dossier = await lockDossier(tx);
  const users = tx.platform(User);
  let user = await users.findOneBy({ email });
  if (user) {
    if (user.platformRole === PlatformRole.SUPPORT) throw conflict('SUPPORT_ACCOUNT', 'A support account cannot be a member of a dossier');
    const existing = await tx.platform(Membership).findOneBy({ dossierId, userId: user.id });
    if (existing) throw conflict('ALREADY_MEMBER', `${email} is already a member of this dossier (${existing.profile})`, { profile: existing.profile });
  }
  await assertCanAddMember(tx, dossier, input.profile);
  const isNew = !user;
  if (!user) {
    user = await users.save(users.create({ email, name, phone, passwordHash: null, platformRole: null }));
  }
  const memberships = tx.platform(Membership);
  await memberships.save(memberships.create({ userId: user.id, dossierId, profile: input.profile, isPrincipal: false }));
  await recordAction(tx, AdminActionKind.ADD_USER, { dossierId, targetUserId: user.id }, {
    before: null,
    after: { email, name: user.name, profile: input.profile },
    newUser: isNew,
    ...(firmName ? { firmName } : {}),
  }, link);
  // The message is written in this transaction (outbox): no member without their e-mail.
  if (user.passwordHash === null) {
    // A new login (or one that never set a password): the invitation sets the password.
    await sendInvitation(tx, { userId: user.id, dossierName: dossier.name, profile: input.profile, firmName: firmName ?? undefined });
  } else {
    await notify(
      tx,
      user.email,
      `Accès au dossier ${dossier.name}`,
      [
        `Bonjour ${user.name},`,
        '',
        `Vous avez désormais accès au dossier « ${dossier.name} » sur Comptoir.`,
        `Connectez-vous avec votre adresse ${user.email} et votre mot de passe habituel, puis choisissez ce dossier.`,
        '',
        `${tx.app.config.publicUrl}/login`,
      ].join('\n'),
    );
  }
  return { value: user };
}

export async function addUser(ctx: RequestContext, dossierId: string, input: AdminAddUserInput): Promise<MemberView> {
  const applied = await ctx.transaction((tx) => applyAddUser(tx.inDossier(dossierId, 'platformAdmin'), input));
  return memberView(ctx.inDossier(dossierId, 'platformAdmin'), applied.value.id);
}

/** Changes a member's profile in the dossier of `onDossier` (`tx.inDossier(dossierId, reason)`). */
export async function applyChangeProfile(onDossier: RequestContext, userId: string, profile: Profile, link?: ActionLink): Promise<Applied<Profile>> {
  assertAssignable(profile, 'profile');
  const tx = onDossier;
  const dossierId = tx.dossierId;
  const dossier = await lockDossier(tx);
  const membership = await getMembership(tx, userId);
  if (membership.isPrincipal) throw conflict('PRINCIPAL_USER', 'The principal user keeps the OWNER profile');
  if (membership.profile !== profile) {
    await assertCanChangeProfile(tx, dossier, membership.profile, profile);
    await tx.platform(Membership).update({ id: membership.id }, { profile });
    announceSessionsChanged(tx, [userId]);
    await recordAction(tx, AdminActionKind.CHANGE_PROFILE, { dossierId, targetUserId: userId }, {
      before: { profile: membership.profile },
      after: { profile },
    }, link);
  }
  return { value: membership.profile };
}

export async function changeProfile(ctx: RequestContext, dossierId: string, userId: string, profile: Profile): Promise<MemberView> {
  await ctx.transaction((tx) => applyChangeProfile(tx.inDossier(dossierId, 'platformAdmin'), userId, profile));
  return memberView(ctx.inDossier(dossierId, 'platformAdmin'), userId);
}

/**
 * Removes a member (never the principal user) from the dossier of `onDossier`
 * (`tx.inDossier(dossierId, reason)`) and revokes their sessions bound to it.
 */
export async function applyRemoveUser(onDossier: RequestContext, userId: string, link?: ActionLink): Promise<Applied<User>> {
  const tx = onDossier;
  const dossierId = tx.dossierId;
  await lockDossier(tx);
  const membership = await getMembership(tx, userId);
  if (membership.isPrincipal) throw conflict('PRINCIPAL_USER', 'The principal user cannot be removed from the dossier');
  const user = await getUser(tx, userId);
  await tx.platform(Membership).delete({ id: membership.id });
  const revoked = await tx.platform(Session).update({ userId, dossierId, revokedAt: IsNull() }, { revokedAt: new Date() });
  announceSessionsChanged(tx, [userId]);
  await recordAction(tx, AdminActionKind.REMOVE_USER, { dossierId, targetUserId: userId }, {
    before: { email: user.email, name: user.name, profile: membership.profile },
    after: null,
    sessionsRevoked: revoked.affected ?? 0,
  }, link);
  return { value: user };
}

export async function removeUser(ctx: RequestContext, dossierId: string, userId: string): Promise<boolean> {
  await ctx.transaction((tx) => applyRemoveUser(tx.inDossier(dossierId, 'platformAdmin'), userId));
  return true;
}

export async function changePlan(ctx: RequestContext, dossierId: string, plan: Plan): Promise<AdminDossierView> {
  if (!Object.values(Plan).includes(plan)) throw badInput('INVALID_CHOICE', 'plan is not a plan', 'plan');
  await ctx.transaction(async (tx) => {
    const onDossier = tx.inDossier(dossierId, 'platformAdmin');
    const dossier = await lockDossier(onDossier);
    if (dossier.plan === plan) return;
    await assertPlanFits(onDossier, dossier, plan);
    await tx.platform(Dossier).update({ id: dossierId }, { plan });
    await recordAction(tx, AdminActionKind.CHANGE_PLAN, { dossierId }, { before: { plan: dossier.plan }, after: { plan } });
  });
  return adminDossier(ctx, dossierId);
}

/**
 * Work that must happen in the same transaction as a seat order being marked paid
 * (the support desk releases the ADD_USER requests held for that order). Registered
 * by the modules that need it, so this module does not depend on them. Each hook gets
 * the transaction's context bound to the order's dossier (`inDossier`).
 */
export const seatOrderPaidHooks: ((onDossier: RequestContext, order: SeatOrder) => Promise<void>)[] = [];

/**
 * An order of any dossier, by id (/admin settles every dossier's orders), locked for the
 * transaction, with the transaction's context bound to its dossier for the rest of the work.
 */
async function getOrder(tx: RequestContext, orderId: string): Promise<{ order: SeatOrder; onDossier: RequestContext }> {
  const order = await tx.acrossDossiers('platformAdmin', (data) => data.findOne(SeatOrder, { where: { id: orderId }, lock: true }));
  if (!order) throw notFound('Seat order', orderId);
  return { order, onDossier: tx.inDossier(order.dossierId, 'platformAdmin') };
}

/** The transfer is received: PAID, and the dossier's extra seats grow by the quantity, atomically. */
export async function markSeatOrderPaid(ctx: RequestContext, orderId: string, reference?: string | null): Promise<SeatOrderView> {
  const receivedReference = optionalText(reference, 'reference', 120);
  const { order } = await ctx.transaction(async (tx) => {
    const { order: found, onDossier } = await getOrder(tx, orderId);
    if (found.status !== SeatOrderStatus.PENDING_PAYMENT) {
      throw conflict('SEAT_ORDER_NOT_PENDING', `This seat order is already ${found.status}`, { status: found.status });
    }
    const dossierBefore = await lockDossier(onDossier);
    const orders = onDossier.scoped(SeatOrder, 'Seat order');
    const paid = await orders.update(
      { id: found.id, status: SeatOrderStatus.PENDING_PAYMENT },
      { status: SeatOrderStatus.PAID, paidAt: new Date(), markedPaidById: tx.userId, receivedReference },
    );
    if (paid !== 1) throw conflict('SEAT_ORDER_NOT_PENDING', 'This seat order is no longer pending');
    const dossiers = tx.platform(Dossier);
    await dossiers.increment({ id: found.dossierId }, 'extraSeats', found.quantity);
    const dossierAfter = await dossiers.findOneByOrFail({ id: found.dossierId });
    await recordAction(tx, AdminActionKind.MARK_SEAT_ORDER_PAID, { dossierId: found.dossierId }, {
      before: { status: found.status, extraSeats: dossierBefore.extraSeats },
      after: { status: SeatOrderStatus.PAID, extraSeats: dossierAfter.extraSeats },
      orderId: found.id,
      quantity: found.quantity,
      paymentReference: found.paymentReference,
      receivedReference,
    });
    for (const hook of seatOrderPaidHooks) await hook(onDossier, found);
    const orderer = await tx.platform(User).findOneBy({ id: found.orderedById });
    if (orderer) {
      await notify(
        tx,
        orderer.email,
        `Paiement reçu : ${found.quantity} accès utilisateur(s) — ${dossierAfter.name}`,
        [
          `Bonjour ${orderer.name},`,
          '',
          `Nous avons reçu votre paiement (référence ${found.paymentReference}).`,
          `${found.quantity} accès utilisateur(s) supplémentaire(s) sont désormais disponibles pour le dossier « ${dossierAfter.name} » (plan ${PLAN_LABEL[dossierAfter.plan]}).`,
          'Indiquez-nous depuis la fonction Support les adresses des nouveaux utilisateurs.',
        ].join('\n'),
      );
    }
    return { order: await orders.get(found.id), dossier: dossierAfter };
  });
  return (await seatOrderViews(ctx, [order]))[0];
}

export async function cancelSeatOrderAdmin(ctx: RequestContext, orderId: string): Promise<SeatOrderView> {
  const order = await ctx.transaction(async (tx) => {
    const { order: found, onDossier } = await getOrder(tx, orderId);
    const cancelled = await cancelPendingOrder(onDossier, found);
    await recordAction(tx, AdminActionKind.CANCEL_SEAT_ORDER, { dossierId: found.dossierId }, {
      before: { status: found.status },
      after: { status: cancelled.status },
      orderId: found.id,
      quantity: found.quantity,
      paymentReference: found.paymentReference,
    });
    return cancelled;
  });
  return (await seatOrderViews(ctx, [order]))[0];
}
