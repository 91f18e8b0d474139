import { PlatformRole } from '@comptoir/schema';
import { RequestContext, type AppServices } from '../../core/context';
import { AuthTokenPurpose } from './auth-token.entity';
import { issueToken } from './auth-token.service';
import { checkEmail, checkPassword, requiredText } from './identity-validation';
import { Membership } from './membership.entity';
import { hashPassword } from './password';
import { User } from './user.entity';

/** A support account's password-setting link works for 24 hours, once. */
const SUPPORT_LINK_LIFETIME_MS = 24 * 3_600_000;

export interface SupportAccountResult {
  user: User;
  created: boolean;
  /** The one-time link to set the password, when no password was given. */
  link: string | null;
}

/**
 * Creates a support account, or promotes an existing login (one that belongs to
 * no dossier: support staff see no dossier data). With `password`, sets it;
 * otherwise returns a single-use link (the invitation page) to set it.
 */
export async function createSupportAccount(
  app: AppServices,
  params: { email: string; name?: string; password?: string },
): Promise<SupportAccountResult> {
  const email = checkEmail(params.email, 'email');
  const passwordHash = params.password ? await hashPassword(checkPassword(params.password, 'password', email)) : null;
  const ctx = RequestContext.system(app, { requestId: 'cli', userAgent: 'cli' });
  return ctx.transaction(async (tx) => {
    let user = await tx.platform(User).findOneBy({ email });
    const created = !user;
    if (user) {
      if ((await tx.platform(Membership).countBy({ userId: user.id })) > 0) {
        throw new Error(`${email} belongs to dossiers: a support account must be a separate login`);
      }
      user.platformRole = PlatformRole.SUPPORT;
      if (params.name) user.name = requiredText(params.name, 'name', 120);
      if (passwordHash) user.passwordHash = passwordHash;
      user = await tx.platform(User).save(user);
    } else {
      const name = requiredText(params.name, 'name', 120);
      user = await tx.platform(User).save(tx.platform(User).create({ email, name, phone: null, passwordHash, platformRole: PlatformRole.SUPPORT }));
    }
    const link = passwordHash
      ? null
      : (await issueToken(tx, AuthTokenPurpose.INVITATION, user.id, { dossierName: null, lifetimeMs: SUPPORT_LINK_LIFETIME_MS })).link;
    return { user, created, link };
  });
}
