import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Auth, PROFILES } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import { dossierSettings, dossierUsers, updateDossierSettings, type DossierSettingsView, type MemberView } from './dossier.service';
import { DossierSettingsInput, DossierSettingsType, DossierSubscriptionType, DossierUsersType, SeatOrderType } from './dossier.types';
import type { SeatUsage } from './seats.service';
import { cancelSeatOrder, MAX_SEATS_PER_ORDER, mySubscription, orderSeats, type SeatOrderView, type SubscriptionView } from './subscription.service';

/** *Paramètres* of the session's dossier: subscription, seats, users, settings (OWNER/ADV). */
@Resolver()
export class DossierResolver {
  @Query(() => DossierSubscriptionType, { description: 'Plan, seats and seat orders of the session’s dossier' })
  @Auth(...PROFILES.management)
  mySubscription(@Ctx() ctx: RequestContext): Promise<SubscriptionView> {
    return mySubscription(ctx);
  }

  @Mutation(() => SeatOrderType, {
    description: `Orders 1 to ${MAX_SEATS_PER_ORDER} extra seats: PENDING_PAYMENT with transfer instructions; the seats count once PAID. PLAN_LIMIT on SOLO`,
  })
  @Auth(...PROFILES.management)
  orderSeats(@Ctx() ctx: RequestContext, @Arg('quantity', () => Int) quantity: number): Promise<SeatOrderView> {
    return orderSeats(ctx, quantity);
  }

  @Mutation(() => SeatOrderType, { description: 'Cancels a pending seat order; CONFLICT once paid or cancelled' })
  @Auth(...PROFILES.management)
  cancelSeatOrder(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<SeatOrderView> {
    return cancelSeatOrder(ctx, id);
  }

  @Query(() => DossierSettingsType)
  @Auth(...PROFILES.management)
  dossierSettings(@Ctx() ctx: RequestContext): Promise<DossierSettingsView> {
    return dossierSettings(ctx);
  }

  @Mutation(() => DossierSettingsType, { description: 'CONFLICT (extensions.currentVersion) when `input.version` is stale' })
  @Auth(...PROFILES.management)
  updateDossierSettings(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DossierSettingsInput) input: DossierSettingsInput,
  ): Promise<DossierSettingsView> {
    return updateDossierSettings(ctx, input);
  }

  @Query(() => DossierUsersType, { description: 'Users of the session’s dossier with their profile, and the seats' })
  @Auth(...PROFILES.management)
  dossierUsers(@Ctx() ctx: RequestContext): Promise<{ members: MemberView[]; seats: SeatUsage }> {
    return dossierUsers(ctx);
  }
}
