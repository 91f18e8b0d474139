import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Auth, PROFILES } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import { UserSummary, userSummaryLoader } from '../identity/user-summary.type';
import { verifyHistoryChain } from './history.service';
import { HistoryEntryView, HistoryVerificationType } from './history.types';

@Resolver(() => HistoryEntryView)
export class HistoryResolver {
  @Query(() => HistoryVerificationType, {
    description: 'Recomputes the dossier’s history hash chain and reports the first broken link, if any',
  })
  @Auth(...PROFILES.management)
  verifyHistory(@Ctx() ctx: RequestContext): Promise<HistoryVerificationType> {
    return verifyHistoryChain(ctx);
  }

  @FieldResolver(() => UserSummary, { nullable: true })
  user(@Root() entry: HistoryEntryView, @Ctx() ctx: RequestContext): Promise<UserSummary | null> {
    return ctx.loader(userSummaryLoader).load(entry.userId);
  }
}
