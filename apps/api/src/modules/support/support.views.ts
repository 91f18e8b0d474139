import { In, type FindManyOptions } from 'typeorm';
import { SupportRequestKind, type Profile } from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import type { CrossDossierData } from '../../core/cross-dossier';
import { SeatOrder, SeatOrderStatus } from '../dossiers/seat-order.entity';
import { PROFILE_LABEL_FR } from '../identity/invitation.service';
import { User } from '../identity/user.entity';
import { SupportMessage, type StoredPayload, type SupportRequest } from './support-request.entity';
import type { SupportMessageType, SupportPayloadType, SupportRequestView } from './support.types';

const profileLabel = (profile: string | undefined) => (profile ? (PROFILE_LABEL_FR[profile as Profile] ?? profile) : '?');

/** One line, in French, saying what the request asks for. */
export function summarize(kind: SupportRequestKind, p: StoredPayload): string {
  switch (kind) {
    case SupportRequestKind.CHANGE_LOGIN_EMAIL:
      return `Changer l’adresse de connexion de ${p.memberName} (${p.memberEmail}) en ${p.newEmail}`;
    case SupportRequestKind.ADD_USER:
      return `Ajouter ${p.name} (${p.email}) avec le profil ${profileLabel(p.profile)}`;
    case SupportRequestKind.CHANGE_PROFILE:
      return `Passer ${p.memberName} du profil ${profileLabel(p.memberProfile)} au profil ${profileLabel(p.profile)}`;
    case SupportRequestKind.REMOVE_USER:
      return `Retirer ${p.memberName} (${p.memberEmail}) du dossier`;
    case SupportRequestKind.ACCOUNTANT_ACCESS:
      return `Donner l’accès expert-comptable à ${p.name} (${p.email}), cabinet ${p.firmName}`;
    case SupportRequestKind.OTHER:
      return p.subject ?? 'Autre demande';
  }
}

export function payloadView(p: StoredPayload): SupportPayloadType {
  return {
    memberId: p.memberId ?? null,
    memberName: p.memberName ?? null,
    memberEmail: p.memberEmail ?? null,
    memberProfile: (p.memberProfile as Profile | undefined) ?? null,
    newEmail: p.newEmail ?? null,
    name: p.name ?? null,
    email: p.email ?? null,
    phone: p.phone ?? null,
    profile: (p.profile as Profile | undefined) ?? null,
    firmName: p.firmName ?? null,
    subject: p.subject ?? null,
    text: p.text ?? null,
  };
}

/** Where seat orders are read: `ctx.scoped(SeatOrder)` (one dossier), or the support desk's door across dossiers. */
export interface SeatOrderRows {
  find(options: FindManyOptions<SeatOrder>): Promise<SeatOrder[]>;
}

/** Seat orders (among these ids, of these dossiers) still awaiting payment: their ADD_USER requests are on hold. */
export async function pendingOrderIds(rows: SeatOrderRows, dossierIds: string | string[], ids: (string | null)[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Set();
  const dossiers = [...new Set(typeof dossierIds === 'string' ? [dossierIds] : dossierIds)];
  const orders = await rows.find({ where: { dossierId: In(dossiers), id: In(wanted), status: SeatOrderStatus.PENDING_PAYMENT }, select: { id: true } });
  return new Set(orders.map((o) => o.id));
}

/**
 * Views of many requests in a fixed number of queries (messages, users, seat
 * orders), whatever their count. Requests of the session's dossier (its members'
 * views), or of several dossiers (the support desk): then `across`, the desk's door
 * across dossiers, reads each one's messages and orders in its own dossier.
 */
export async function requestViews(
  ctx: RequestContext,
  requests: SupportRequest[],
  across?: CrossDossierData,
): Promise<(SupportRequestView & { requestedByEmail: string; assignedToId: string | null })[]> {
  if (requests.length === 0) return [];
  const dossierIds = [...new Set(requests.map((r) => r.dossierId))];
  const messageRows = (options: FindManyOptions<SupportMessage>) => (across ? across.find(SupportMessage, options) : ctx.scoped(SupportMessage).find(options));
  const orderRows: SeatOrderRows = across ? { find: (options) => across.find(SeatOrder, options) } : ctx.scoped(SeatOrder, 'Seat order');
  const messages = await messageRows({
    where: { dossierId: In(dossierIds), requestId: In(requests.map((r) => r.id)) },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  const userIds = new Set<string>();
  for (const r of requests) {
    userIds.add(r.requestedById);
    if (r.assignedToId) userIds.add(r.assignedToId);
  }
  for (const m of messages) userIds.add(m.authorId);
  const users = await ctx.platform(User).find({ where: { id: In([...userIds]) }, select: { id: true, name: true, email: true } });
  const userById = new Map(users.map((u) => [u.id, u]));
  const pending = await pendingOrderIds(orderRows, dossierIds, requests.map((r) => r.heldBySeatOrderId));
  const byRequest = new Map<string, SupportMessageType[]>();
  for (const m of messages) {
    const list = byRequest.get(m.requestId) ?? [];
    list.push({ id: m.id, side: m.side, authorName: userById.get(m.authorId)?.name ?? '—', text: m.text, createdAt: m.createdAt });
    byRequest.set(m.requestId, list);
  }
  return requests.map((r) => {
    const thread = byRequest.get(r.id) ?? [];
    return {
      id: r.id,
      dossierId: r.dossierId,
      kind: r.kind,
      status: r.status,
      payload: payloadView(r.payload),
      summary: summarize(r.kind, r.payload),
      requestedById: r.requestedById,
      requestedByName: userById.get(r.requestedById)?.name ?? '—',
      requestedByEmail: userById.get(r.requestedById)?.email ?? '',
      assignedToId: r.assignedToId,
      assignedToName: r.assignedToId ? (userById.get(r.assignedToId)?.name ?? null) : null,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      lastMessageAt: r.lastMessageAt,
      closedAt: r.closedAt,
      rejectionReason: r.rejectionReason,
      onHold: !!r.heldBySeatOrderId && pending.has(r.heldBySeatOrderId),
      heldBySeatOrderId: r.heldBySeatOrderId,
      failureMessage: r.failureMessage,
      failureReason: r.failureReason,
      failedAt: r.failedAt,
      messages: thread,
      lastMessage: thread.length ? thread[thread.length - 1] : null,
    };
  });
}
