import { Profile, type PlatformRole } from '@comptoir/schema';
import { withClock } from '../../core/clock';
import { RequestContext, type AppServices } from '../../core/context';
import { MemoryCookieJar } from '../../core/cookies';
import type { User } from '../../modules/identity/user.entity';
import { answerSupportRequest, processSupportRequest, rejectSupportRequest, takeSupportRequest } from '../../modules/support/support-desk.service';
import { createSupportRequest, postSupportMessage } from '../../modules/support/support.service';
import type { SupportRequestInput } from '../../modules/support/support.types';
import type { DemoIdentity } from './identity.seed';

/**
 * A few support requests of Atelier Dupont SARL in every status, sent and handled
 * through the services (so threads, history and admin actions are real), so that
 * the dossier's *Support* page and the /admin queue look lived-in. They change no
 * member: the e-mails they would send are dropped (demo addresses).
 */
export async function seedSupport(app: AppServices, identity: DemoIdentity): Promise<{ requests: number }> {
  const quiet: AppServices = { ...app, mailer: { enqueue: async () => undefined, onEnqueued: () => () => false } };
  const ctx = (user: User, profile: Profile | null, platformRole: PlatformRole | null = null) =>
    new RequestContext(
      quiet,
      { sessionId: 'seed', userId: user.id, email: user.email, name: user.name, dossierId: profile ? identity.dossier.id : null, profile, platformRole },
      { requestId: 'seed', ip: null, userAgent: 'seed' },
      new MemoryCookieJar(),
    );
  const m = identity.members;
  const owner = ctx(identity.owner, Profile.OWNER);
  const commercial = ctx(m[Profile.COMMERCIAL], Profile.COMMERCIAL);
  const achat = ctx(m[Profile.ACHAT], Profile.ACHAT);
  const support = ctx(identity.support, null, identity.support.platformRole);
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
  const at = <T>(h: number, work: () => Promise<T>) => withClock(hoursAgo(h), work);
  const send = (who: RequestContext, h: number, input: SupportRequestInput) => at(h, () => createSupportRequest(who, input));

  // DONE: answered, then closed.
  const einvoice = await send(owner, 24 * 12, { kind: 'OTHER' as never, other: { subject: 'Facturation électronique 2026', text: 'Comptoir sera-t-il prêt pour la facture électronique obligatoire ?' } });
  await at(24 * 12 - 3, () => answerSupportRequest(support, einvoice.id, 'Oui : vos factures sont déjà au format Factur-X, reconnu par la réforme.'));
  await at(24 * 12 - 2, () => processSupportRequest(support, einvoice.id, 'N’hésitez pas si vous avez d’autres questions.'));
  const pdf = await send(achat, 24 * 6, { kind: 'OTHER' as never, other: { subject: 'Logo sur les commandes fournisseur', text: 'Le logo n’apparaît pas sur mes commandes.' } });
  await at(24 * 5, () => processSupportRequest(support, pdf.id, 'Le logo se règle dans Paramètres / Dossier ; il apparaît ensuite sur toutes les pièces.'));

  // REJECTED, with its reason.
  const remove = await send(owner, 24 * 4, { kind: 'REMOVE_USER' as never, removeUser: { memberId: m[Profile.COMMERCIAL].id } });
  await at(24 * 3, () => rejectSupportRequest(support, remove.id, 'Demande envoyée par erreur d’après votre message téléphonique : rien n’a été changé.'));

  // IN_PROGRESS: taken in charge, a question asked, an answer given.
  const email = await send(owner, 30, { kind: 'CHANGE_LOGIN_EMAIL' as never, changeLoginEmail: { memberId: m[Profile.ADV].id, newEmail: 'marc.durand@atelier-dupont.fr' }, message: 'Marc change d’adresse le mois prochain.' });
  await at(26, () => takeSupportRequest(support, email.id));
  await at(25, () => answerSupportRequest(support, email.id, 'Bien noté : à quelle date souhaitez-vous le changement ?'));
  await at(20, () => postSupportMessage(owner, email.id, 'Le 1er du mois prochain, merci.'));

  // OPEN: waiting for support.
  await send(owner, 5, { kind: 'CHANGE_PROFILE' as never, changeProfile: { memberId: m[Profile.ACHAT].id, profile: Profile.ADV }, message: 'Julien reprend aussi les ventes.' });
  await send(commercial, 2, { kind: 'OTHER' as never, other: { subject: 'Modèle de devis', text: 'Peut-on ajouter nos conditions de garantie en bas des devis ?' } });
  return { requests: 6 };
}
