import { IsNull } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { AuthToken, AuthTokenPurpose } from './auth-token.entity';
import { hashToken, newToken } from './session.service';

/** How long an e-mailed link works. */
export const TOKEN_LIFETIME_MS: Record<AuthTokenPurpose, number> = {
  [AuthTokenPurpose.INVITATION]: 7 * 24 * 3_600_000,
  [AuthTokenPurpose.PASSWORD_RESET]: 3_600_000,
};

/** The public page of each link, under PUBLIC_URL. */
export const TOKEN_PAGE: Record<AuthTokenPurpose, string> = {
  [AuthTokenPurpose.INVITATION]: '/invitation',
  [AuthTokenPurpose.PASSWORD_RESET]: '/reinitialiser-mot-de-passe',
};

/**
 * Creates a single-use token for `userId` (stored hashed, through `ctx.platform` so it
 * joins the caller's transaction) and returns the link to e-mail.
 */
export async function issueToken(
  ctx: RequestContext,
  purpose: AuthTokenPurpose,
  userId: string,
  extra: { dossierName?: string | null; lifetimeMs?: number } = {},
): Promise<{ token: string; link: string; expiresAt: Date }> {
  const token = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + (extra.lifetimeMs ?? TOKEN_LIFETIME_MS[purpose]));
  await ctx.platform(AuthToken).save(ctx.platform(AuthToken).create({
      tokenHash: hashToken(token),
      purpose,
      userId,
      dossierName: extra.dossierName?.slice(0, 160) ?? null,
      createdAt: now,
      expiresAt,
      usedAt: null,
    }),
  );
  return { token, link: `${ctx.app.config.publicUrl}${TOKEN_PAGE[purpose]}?token=${encodeURIComponent(token)}`, expiresAt };
}

/** The unused, unexpired token of that purpose, or null (unknown, used, expired alike). */
export async function findUsableToken(ctx: RequestContext, purpose: AuthTokenPurpose, token: string): Promise<AuthToken | null> {
  if (!token || token.length > 100) return null;
  const found = await ctx.platform(AuthToken).findOneBy({ tokenHash: hashToken(token), purpose, usedAt: IsNull() });
  if (!found || found.expiresAt.getTime() <= Date.now()) return null;
  return found;
}

/**
 * Marks the token used, guarded on `usedAt IS NULL` so two concurrent uses
 * cannot both succeed. Returns false when someone else consumed it first.
 */
export async function consumeToken(ctx: RequestContext, token: AuthToken): Promise<boolean> {
  const result = await ctx.platform(AuthToken).update({ id: token.id, usedAt: IsNull() }, { usedAt: new Date() });
  return (result.affected ?? 0) === 1;
}

/** Voids every pending link of a user (after their password is set, every older link is moot). */
export async function voidTokensOf(ctx: RequestContext, userId: string): Promise<void> {
  await ctx.platform(AuthToken).update({ userId, usedAt: IsNull() }, { usedAt: new Date() });
}
