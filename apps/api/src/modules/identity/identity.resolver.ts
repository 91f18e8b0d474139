import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Access, Allow } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import * as identity from './identity.service';
import { invitationPreview } from './invitation.service';
import { InvitationPreviewType, MeType, SignUpInput, UserSessionType } from './identity.types';

/** Sign-up, login, dossier selection, sessions, passwords and invitations. */
@Resolver()
export class IdentityResolver {
  @Mutation(() => MeType, {
    description:
      'Creates a dossier and its principal user (OWNER) and logs in on it. An existing e-mail with its current password adds the dossier to that user; a wrong password is UNAUTHENTICATED and creates nothing',
  })
  @Allow(Access.PUBLIC)
  signUp(@Ctx() ctx: RequestContext, @Arg('input', () => SignUpInput) input: SignUpInput): Promise<identity.MeView> {
    return identity.signUp(ctx, input);
  }

  @Mutation(() => MeType, {
    description:
      'Opens a fresh session (cookie). One dossier: bound to it. Several: unbound, `dossiers` lists them for selectDossier. UNAUTHENTICATED with one generic message; TOO_MANY_ATTEMPTS (extensions.retryAfterSeconds) when throttled',
  })
  @Allow(Access.PUBLIC)
  login(@Ctx() ctx: RequestContext, @Arg('email') email: string, @Arg('password') password: string): Promise<identity.MeView> {
    return identity.login(ctx, email, password);
  }

  @Mutation(() => MeType, {
    description: 'Binds an unbound session to one of the user’s dossiers (the token rotates). DOSSIER_ALREADY_SELECTED when bound; NOT_FOUND for a dossier of which the user is not a member',
  })
  @Allow(Access.USER)
  selectDossier(@Ctx() ctx: RequestContext, @Arg('dossierId', () => ID) dossierId: string): Promise<identity.MeView> {
    return identity.selectDossier(ctx, dossierId);
  }

  @Mutation(() => Boolean, { description: 'Revokes this session and clears the cookie' })
  @Allow(Access.USER)
  logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    return identity.logout(ctx);
  }

  @Query(() => MeType)
  @Allow(Access.USER)
  me(@Ctx() ctx: RequestContext): Promise<identity.MeView> {
    return identity.me(ctx);
  }

  @Query(() => [UserSessionType], { description: 'The user’s open sessions, most recently used first' })
  @Allow(Access.USER)
  mySessions(@Ctx() ctx: RequestContext): Promise<identity.SessionView[]> {
    return identity.mySessions(ctx);
  }

  @Mutation(() => Boolean, { description: 'Revokes one of the user’s own sessions; NOT_FOUND otherwise' })
  @Allow(Access.USER)
  revokeSession(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<boolean> {
    return identity.revokeSession(ctx, id);
  }

  @Mutation(() => Boolean, { description: 'Needs the current password (BAD_USER_INPUT on `currentPassword`); revokes the user’s other sessions' })
  @Allow(Access.USER)
  changePassword(@Ctx() ctx: RequestContext, @Arg('currentPassword') currentPassword: string, @Arg('newPassword') newPassword: string): Promise<boolean> {
    return identity.changePassword(ctx, currentPassword, newPassword);
  }

  @Mutation(() => Boolean, { description: 'Always true; e-mails a reset link valid 1 hour when the e-mail has an account' })
  @Allow(Access.PUBLIC)
  requestPasswordReset(@Ctx() ctx: RequestContext, @Arg('email') email: string): Promise<boolean> {
    return identity.requestPasswordReset(ctx, email);
  }

  @Mutation(() => Boolean, { description: 'Sets the password from a reset link (single use) and revokes every session; NOT_FOUND when the link is unknown, used or expired' })
  @Allow(Access.PUBLIC)
  resetPassword(@Ctx() ctx: RequestContext, @Arg('token') token: string, @Arg('newPassword') newPassword: string): Promise<boolean> {
    return identity.resetPassword(ctx, token, newPassword);
  }

  @Query(() => InvitationPreviewType, { description: 'E-mail and dossier of an invitation link; NOT_FOUND when unknown, used or expired' })
  @Allow(Access.PUBLIC)
  invitationPreview(@Ctx() ctx: RequestContext, @Arg('token') token: string): Promise<InvitationPreviewType> {
    return invitationPreview(ctx, token);
  }

  @Mutation(() => MeType, { description: 'Sets the invited user’s password from the invitation link (single use, 7 days) and logs them in' })
  @Allow(Access.PUBLIC)
  acceptInvitation(@Ctx() ctx: RequestContext, @Arg('token') token: string, @Arg('password') password: string): Promise<identity.MeView> {
    return identity.acceptInvitation(ctx, token, password);
  }
}
