import { z } from 'zod';
import { Plan } from '../enums';
import { currentPassword, email, id, optionalText, password, requiredText, siret } from './fields';

/** `signUp(input)`: a new dossier and its principal user (or an existing user's new dossier). */
export const SignUpInputSchema = z.object({
  dossierName: requiredText(160),
  email: email(),
  name: requiredText(120),
  password: password(),
  phone: optionalText(40),
  plan: z.enum(Plan),
  siret: siret(),
});

/**
 * Login and reset requests take any text as e-mail: the server answers the same
 * for a malformed address as for an unknown one (no account enumeration, one
 * generic refusal), so the form checks nothing more than presence.
 */
const anyEmail = () => z.string({ error: 'Required' }).max(1000, { error: 'Too long' });
export const LoginArgsSchema = z.object({ email: anyEmail(), password: currentPassword() });
export const ChangePasswordArgsSchema = z.object({ currentPassword: currentPassword(), newPassword: password() });
export const RequestPasswordResetArgsSchema = z.object({ email: anyEmail() });
/** Tokens are opaque; their length bounds what the server hashes. */
export const token = () => z.string({ error: 'Required' }).min(1, { error: 'Required' }).max(200, { error: 'Invalid token' });
export const ResetPasswordArgsSchema = z.object({ newPassword: password(), token: token() });
export const AcceptInvitationArgsSchema = z.object({ password: password(), token: token() });
export const InvitationPreviewArgsSchema = z.object({ token: token() });
export const SelectDossierArgsSchema = z.object({ dossierId: id() });
export const RevokeSessionArgsSchema = z.object({ id: id() });
