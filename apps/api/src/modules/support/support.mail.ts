import { PlatformRole, shortId } from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import { User } from '../identity/user.entity';
import type { SupportRequest } from './support-request.entity';

/** A short reference for subjects and the UI: `DS-` and the id's short form. */
export function requestReference(id: string): string {
  return `DS-${shortId(id).toUpperCase()}`;
}

/**
 * Writes the mail to the outbox with the caller's transaction context (`tx`): it exists
 * only if the change commits, and the outbox worker delivers it (with retries).
 */
export async function queueMail(tx: RequestContext, to: string, subject: string, lines: string[]): Promise<void> {
  await tx.mail({ to, subject, text: lines.join('\n') });
}

const SUPPORT_NOTICE_CAP = 20;

/** The support team's addresses: the agent in charge, or every support account when nobody is. */
async function supportAddresses(tx: RequestContext, assignedToId: string | null): Promise<string[]> {
  if (assignedToId) {
    const agent = await tx.platform(User).findOneBy({ id: assignedToId });
    if (agent) return [agent.email];
  }
  const team = await tx.platform(User).find({ where: { platformRole: PlatformRole.SUPPORT }, order: { email: 'ASC' }, take: SUPPORT_NOTICE_CAP });
  return team.map((u) => u.email);
}

export interface MailFacts {
  request: SupportRequest;
  summary: string;
  dossierName: string;
}

/** In the request's transaction (`tx`): the requester's acknowledgement and the notice to support. */
export async function mailRequestReceived(tx: RequestContext, facts: MailFacts, requester: User, firstMessage: string | null): Promise<void> {
  const ref = requestReference(facts.request.id);
  await queueMail(tx, requester.email, `Demande de support ${ref} reçue`, [
    `Bonjour ${requester.name},`,
    '',
    `Nous avons bien reçu votre demande pour le dossier « ${facts.dossierName} » :`,
    `  ${facts.summary}`,
    '',
    'L’équipe support la traite au plus vite ; vous recevrez un e-mail à chaque réponse.',
    `Suivez-la dans Comptoir, fonction Support : ${tx.app.config.publicUrl}/support/${facts.request.id}`,
  ]);
  for (const address of await supportAddresses(tx, null)) {
    await queueMail(tx, address, `Nouvelle demande ${ref} — ${facts.dossierName}`, [
      `Dossier : ${facts.dossierName}`,
      `Demandé par : ${requester.name} <${requester.email}>`,
      `Demande : ${facts.summary}`,
      ...(firstMessage ? ['', firstMessage] : []),
      '',
      `${tx.app.config.publicUrl}/admin/support/${facts.request.id}`,
    ]);
  }
}

/** The dossier wrote in the thread: the agent in charge (or the team) is told. */
export async function mailRequesterMessage(tx: RequestContext, facts: MailFacts, author: string, text: string): Promise<void> {
  const ref = requestReference(facts.request.id);
  for (const address of await supportAddresses(tx, facts.request.assignedToId)) {
    await queueMail(tx, address, `Nouveau message sur ${ref} — ${facts.dossierName}`, [
      `${author} a écrit :`,
      '',
      text,
      '',
      `${tx.app.config.publicUrl}/admin/support/${facts.request.id}`,
    ]);
  }
}

/** Support answered, or closed the request (DONE or REJECTED): the requester is told. */
export async function mailSupportAnswer(
  tx: RequestContext,
  facts: MailFacts,
  outcome: 'ANSWER' | 'DONE' | 'REJECTED',
  text: string | null,
): Promise<void> {
  const requester = await tx.platform(User).findOneBy({ id: facts.request.requestedById });
  if (!requester) return;
  const ref = requestReference(facts.request.id);
  const subject = {
    ANSWER: `Réponse du support à votre demande ${ref}`,
    DONE: `Votre demande ${ref} est traitée`,
    REJECTED: `Votre demande ${ref} n’a pas pu être acceptée`,
  }[outcome];
  const opening = {
    ANSWER: 'L’équipe support a répondu à votre demande :',
    DONE: 'L’équipe support a traité votre demande :',
    REJECTED: 'L’équipe support a refusé votre demande :',
  }[outcome];
  await queueMail(tx, requester.email, subject, [
    `Bonjour ${requester.name},`,
    '',
    opening,
    `  ${facts.summary} (dossier « ${facts.dossierName} »)`,
    ...(text ? ['', outcome === 'REJECTED' ? `Motif : ${text}` : text] : []),
    '',
    `${tx.app.config.publicUrl}/support/${facts.request.id}`,
  ]);
}
