import { Profile } from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import { notFound } from '../../core/errors';
import { AuthTokenPurpose } from './auth-token.entity';
import { findUsableToken, issueToken } from './auth-token.service';
import { User } from './user.entity';

/** Profile names as the UI shows them (SPEC.md glossary). */
export const PROFILE_LABEL_FR: Record<Profile, string> = {
  [Profile.OWNER]: 'Utilisateur principal',
  [Profile.ADV]: 'ADV (Administration des ventes)',
  [Profile.COMMERCIAL]: 'Commercial',
  [Profile.ACHAT]: 'Achat',
  [Profile.ACCOUNTANT]: 'Expert-comptable',
};

export interface InvitationParams {
  userId: string;
  dossierName: string;
  profile: Profile;
  /** The accountant's firm, when the invited user is an expert-comptable. */
  firmName?: string;
}

/**
 * Invites a user who has no password yet: creates a single-use token (stored
 * hashed, valid 7 days) through `ctx.platform`, so it belongs to the caller's
 * transaction, and e-mails the link `${PUBLIC_URL}/invitation?token=…` with the
 * login e-mail. No password is ever sent.
 */
export async function sendInvitation(ctx: RequestContext, params: InvitationParams): Promise<void> {
  const user = await ctx.platform(User).findOneBy({ id: params.userId });
  if (!user) throw notFound('User', params.userId);
  const { link, token } = await issueToken(ctx, AuthTokenPurpose.INVITATION, user.id, { dossierName: params.dossierName });
  const text = [
    `Bonjour ${user.name},`,
    '',
    `Vous avez été ajouté(e) au dossier « ${params.dossierName} » sur Comptoir, avec le profil ${PROFILE_LABEL_FR[params.profile]}.`,
    ...(params.firmName ? [`Cabinet : ${params.firmName}`] : []),
    '',
    `Votre identifiant de connexion : ${user.email}`,
    '',
    'Pour choisir votre mot de passe et vous connecter, ouvrez ce lien (valable 7 jours, utilisable une seule fois) :',
    link,
    '',
    'Si vous ne vous attendiez pas à cette invitation, ignorez ce message.',
  ].join('\n');
  // Written to the outbox through the caller's manager: part of its transaction.
  await ctx.mail({ to: user.email, subject: `Invitation au dossier ${params.dossierName} sur Comptoir`, text, secrets: [token] });
}

/** What the accept page shows before the password is chosen; NOT_FOUND when unknown, used or expired. */
export async function invitationPreview(ctx: RequestContext, token: string): Promise<{ email: string; name: string; dossierName: string | null }> {
  const found = await findUsableToken(ctx, AuthTokenPurpose.INVITATION, token);
  const user = found ? await ctx.platform(User).findOneBy({ id: found.userId }) : null;
  if (!found || !user) throw notFound('Invitation', undefined, 'LINK_INVALID');
  return { email: user.email, name: user.name, dossierName: found.dossierName };
}
