import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, Allow, Auth, PROFILES } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import { adminDossier, type AdminDossierView } from '../admin/admin.service';
import { AdminDossierType } from '../admin/admin.types';
import { HistoryEntityType } from '../history/history-entry.entity';
import { historyKey, historyLoader, HistoryEntryView } from '../history/history.types';
import { UserSummary, userSummaryLoader } from '../identity/user-summary.type';
import { SupportRequestStatus } from '@comptoir/schema';
import {
  adminSupportRequest,
  answerSupportRequest,
  processSupportRequest,
  rejectSupportRequest,
  supportCounts,
  supportEvents,
  supportQueue,
  takeSupportRequest,
  type AdminRequestView,
} from './support-desk.service';
import { createSupportRequest, getSupportRequest, listSupportRequests, postSupportMessage } from './support.service';
import {
  AdminSupportCountType,
  AdminSupportEventType,
  AdminSupportFilterInput,
  AdminSupportQueueType,
  AdminSupportRequestType,
  SupportRequestInput,
  SupportRequestType,
  type SupportRequestView,
} from './support.types';

/**
 * The dossier's side of the support desk (*Support*). Every profile reaches these
 * operations; the service narrows them as SPEC.md's matrix says: OWNER and ADV
 * send every kind and follow every request, the others their own OTHER only.
 */
@Resolver(() => SupportRequestType)
export class SupportRequestResolver {
  @Query(() => [SupportRequestType], { description: 'The requests the session may follow, newest first' })
  @Auth(...PROFILES.all)
  supportRequests(
    @Ctx() ctx: RequestContext,
    @Arg('status', () => SupportRequestStatus, { nullable: true }) status: SupportRequestStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
  ): Promise<SupportRequestView[]> {
    return listSupportRequests(ctx, status, first);
  }

  @Query(() => SupportRequestType)
  @Auth(...PROFILES.all)
  supportRequest(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<SupportRequestView> {
    return getSupportRequest(ctx, id);
  }

  @Mutation(() => SupportRequestType, {
    description: 'BAD_USER_INPUT names the field; COMMERCIAL, ACHAT, ACCOUNTANT: OTHER only (FORBIDDEN); ADD_USER without a free seat: PLAN_LIMIT (held while a seat order awaits payment)',
  })
  @Auth(...PROFILES.all)
  createSupportRequest(@Ctx() ctx: RequestContext, @Arg('input', () => SupportRequestInput) input: SupportRequestInput): Promise<SupportRequestView> {
    return createSupportRequest(ctx, input);
  }

  @Mutation(() => SupportRequestType, { description: 'Writes in the request’s thread (plain text); CONFLICT once it is closed' })
  @Auth(...PROFILES.all)
  postSupportMessage(@Ctx() ctx: RequestContext, @Arg('requestId', () => ID) requestId: string, @Arg('text') text: string): Promise<SupportRequestView> {
    return postSupportMessage(ctx, requestId, text);
  }

  @FieldResolver(() => UserSummary)
  async requestedBy(@Root() request: SupportRequestView, @Ctx() ctx: RequestContext): Promise<UserSummary> {
    return (await ctx.loader(userSummaryLoader).load(request.requestedById)) ?? { id: request.requestedById, name: request.requestedByName };
  }

  @FieldResolver(() => [HistoryEntryView])
  history(@Root() request: SupportRequestView, @Ctx() ctx: RequestContext): Promise<HistoryEntryView[]> {
    return ctx.loader(historyLoader).load(historyKey(HistoryEntityType.SUPPORT_REQUEST, request.id));
  }
}

/** The support team's queue in /admin. */
@Resolver(() => AdminSupportRequestType)
export class AdminSupportResolver {
  @Query(() => AdminSupportQueueType, { description: 'Requests by status (default: open ones), kind, plan, age; oldest first' })
  @Allow(Access.SUPPORT)
  adminSupportQueue(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AdminSupportFilterInput, { nullable: true }) filter: AdminSupportFilterInput | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
  ) {
    return supportQueue(ctx, filter, first);
  }

  @Query(() => [AdminSupportCountType], { description: 'Requests per status, with the kind, plan and age filters' })
  @Allow(Access.SUPPORT)
  adminSupportCounts(@Ctx() ctx: RequestContext, @Arg('filter', () => AdminSupportFilterInput, { nullable: true }) filter: AdminSupportFilterInput | null) {
    return supportCounts(ctx, filter);
  }

  @Query(() => AdminSupportRequestType)
  @Allow(Access.SUPPORT)
  adminSupportRequest(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<AdminRequestView> {
    return adminSupportRequest(ctx, id);
  }

  @Mutation(() => AdminSupportRequestType, { description: '« Prendre en charge »; CONFLICT when a colleague has it, unless force' })
  @Allow(Access.SUPPORT)
  adminTakeSupportRequest(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('force', { nullable: true, defaultValue: false }) force: boolean,
  ): Promise<AdminRequestView> {
    return takeSupportRequest(ctx, id, force);
  }

  @Mutation(() => AdminSupportRequestType, { description: 'Writes to the requester (thread and e-mail)' })
  @Allow(Access.SUPPORT)
  adminAnswerSupportRequest(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('text') text: string): Promise<AdminRequestView> {
    return answerSupportRequest(ctx, id, text);
  }

  @Mutation(() => AdminSupportRequestType, {
    description: 'Applies the change atomically (admin operation, AdminAction, status DONE, history); refused: nothing applied, the request keeps the reason; already closed: CONFLICT',
  })
  @Allow(Access.SUPPORT)
  adminProcessSupportRequest(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('message', () => String, { nullable: true, description: 'The answer sent with it' }) message: string | null,
  ): Promise<AdminRequestView> {
    return processSupportRequest(ctx, id, message);
  }

  @Mutation(() => AdminSupportRequestType, { description: 'REJECTED with a reason (required); nothing else changes' })
  @Allow(Access.SUPPORT)
  adminRejectSupportRequest(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason') reason: string): Promise<AdminRequestView> {
    return rejectSupportRequest(ctx, id, reason);
  }

  @FieldResolver(() => AdminDossierType)
  dossier(@Root() request: AdminRequestView, @Ctx() ctx: RequestContext): Promise<AdminDossierView> {
    return adminDossier(ctx, request.dossierId);
  }

  @FieldResolver(() => [AdminSupportEventType])
  history(@Root() request: AdminRequestView, @Ctx() ctx: RequestContext): Promise<AdminSupportEventType[]> {
    return supportEvents(ctx, request);
  }
}
