import { Plan, Profile } from '@comptoir/schema';
import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Access, Allow } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import { PageArgs, type Page } from '../../core/pagination';
import type { MemberView } from '../dossiers/dossier.service';
import type { SeatOrderView } from '../dossiers/subscription.service';
import type { OutboxMessage } from '../mail/outbox.entity';
import {
  addUser,
  adminDossier,
  cancelSeatOrderAdmin,
  changeLoginEmail,
  changePlan,
  changeProfile,
  listActions,
  markSeatOrderPaid,
  outbox,
  removeUser,
  SEARCH_CAP,
  searchDossiers,
  searchUsers,
  type AdminActionView,
  type AdminDossierView,
  type AdminUserView,
  type DossierSummaryView,
} from './admin.service';
import {
  AdminActionType,
  AdminAddUserInput,
  AdminDossierSummaryType,
  AdminDossierType,
  AdminMemberType,
  AdminOutboxConnection,
  AdminSeatOrderType,
  AdminUserType,
} from './admin.types';

/** The support team's admin API (`/admin`). Every mutation writes an AdminAction in its transaction. */
@Resolver()
export class AdminResolver {
  @Query(() => [AdminDossierSummaryType], { description: `Dossiers by name, SIRET, id or member e-mail (at most ${SEARCH_CAP})` })
  @Allow(Access.SUPPORT)
  adminSearchDossiers(
    @Ctx() ctx: RequestContext,
    @Arg('query') query: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
  ): Promise<DossierSummaryView[]> {
    return searchDossiers(ctx, query, first);
  }

  @Query(() => [AdminUserType], { description: `Users by e-mail, name or id (at most ${SEARCH_CAP})` })
  @Allow(Access.SUPPORT)
  adminSearchUsers(
    @Ctx() ctx: RequestContext,
    @Arg('query') query: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
  ): Promise<AdminUserView[]> {
    return searchUsers(ctx, query, first);
  }

  @Query(() => AdminDossierType)
  @Allow(Access.SUPPORT)
  adminDossier(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<AdminDossierView> {
    return adminDossier(ctx, id);
  }

  @Query(() => [AdminActionType], { description: 'Support actions, newest first; with dossierId: on that dossier and its members' })
  @Allow(Access.SUPPORT)
  adminActions(
    @Ctx() ctx: RequestContext,
    @Arg('dossierId', () => ID, { nullable: true }) dossierId: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
  ): Promise<AdminActionView[]> {
    return listActions(ctx, dossierId, first);
  }

  @Query(() => AdminOutboxConnection, { description: 'The mail outbox, newest first' })
  @Allow(Access.SUPPORT)
  adminOutbox(@Ctx() ctx: RequestContext, @Args() args: PageArgs): Promise<Page<OutboxMessage>> {
    return outbox(ctx, args);
  }

  @Mutation(() => AdminUserType, { description: 'CONFLICT when the address is another user’s login; mails the old and the new address' })
  @Allow(Access.SUPPORT)
  adminChangeLoginEmail(
    @Ctx() ctx: RequestContext,
    @Arg('userId', () => ID) userId: string,
    @Arg('newEmail') newEmail: string,
  ): Promise<AdminUserView> {
    return changeLoginEmail(ctx, userId, newEmail);
  }

  @Mutation(() => AdminMemberType, {
    description: 'Existing login → new membership; new e-mail → user without password and an invitation. PLAN_LIMIT without a free seat (ACCOUNTANT: TPE_PLUS only, no seat)',
  })
  @Allow(Access.SUPPORT)
  adminAddUser(
    @Ctx() ctx: RequestContext,
    @Arg('dossierId', () => ID) dossierId: string,
    @Arg('input', () => AdminAddUserInput) input: AdminAddUserInput,
  ): Promise<MemberView> {
    return addUser(ctx, dossierId, input);
  }

  @Mutation(() => AdminMemberType, { description: 'The principal user stays OWNER; OWNER cannot be given' })
  @Allow(Access.SUPPORT)
  adminChangeProfile(
    @Ctx() ctx: RequestContext,
    @Arg('dossierId', () => ID) dossierId: string,
    @Arg('userId', () => ID) userId: string,
    @Arg('profile', () => Profile) profile: Profile,
  ): Promise<MemberView> {
    return changeProfile(ctx, dossierId, userId, profile);
  }

  @Mutation(() => Boolean, { description: 'Never the principal user (CONFLICT); revokes the user’s sessions bound to the dossier' })
  @Allow(Access.SUPPORT)
  adminRemoveUser(
    @Ctx() ctx: RequestContext,
    @Arg('dossierId', () => ID) dossierId: string,
    @Arg('userId', () => ID) userId: string,
  ): Promise<boolean> {
    return removeUser(ctx, dossierId, userId);
  }

  @Mutation(() => AdminDossierType, { description: 'PLAN_LIMIT when the members would not fit (seats, accountant access)' })
  @Allow(Access.SUPPORT)
  adminChangePlan(
    @Ctx() ctx: RequestContext,
    @Arg('dossierId', () => ID) dossierId: string,
    @Arg('plan', () => Plan) plan: Plan,
  ): Promise<AdminDossierView> {
    return changePlan(ctx, dossierId, plan);
  }

  @Mutation(() => AdminSeatOrderType, { description: 'PENDING_PAYMENT → PAID and the dossier’s extra seats grow; CONFLICT when not pending' })
  @Allow(Access.SUPPORT)
  adminMarkSeatOrderPaid(
    @Ctx() ctx: RequestContext,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('reference', () => String, { nullable: true, description: 'Reference of the payment as received' }) reference: string | null,
  ): Promise<SeatOrderView> {
    return markSeatOrderPaid(ctx, orderId, reference);
  }

  @Mutation(() => AdminSeatOrderType, { description: 'PENDING_PAYMENT → CANCELLED; CONFLICT when not pending' })
  @Allow(Access.SUPPORT)
  adminCancelSeatOrder(@Ctx() ctx: RequestContext, @Arg('orderId', () => ID) orderId: string): Promise<SeatOrderView> {
    return cancelSeatOrderAdmin(ctx, orderId);
  }
}
