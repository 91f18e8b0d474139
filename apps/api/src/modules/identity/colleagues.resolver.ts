import { Ctx, Query, Resolver } from 'type-graphql';
import { Auth, PROFILES } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import { Membership } from './membership.entity';
import { User } from './user.entity';
import { UserSummary } from './user-summary.type';

@Resolver()
export class ColleaguesResolver {
  /**
   * Every member of the session's dossier, by name only: what any profile needs to
   * filter documents by "créé par" / "modifié par". E-mails and profiles stay in
   * `dossierUsers` (OWNER/ADV).
   */
  @Query(() => [UserSummary])
  @Auth(...PROFILES.all)
  async colleagues(@Ctx() ctx: RequestContext): Promise<UserSummary[]> {
    const rows = await ctx
      .platform(User)
      .createQueryBuilder('u')
      .innerJoin(Membership, 'm', 'm.userId = u.id AND m.dossierId = :dossierId', { dossierId: ctx.dossierId })
      .select(['u.id', 'u.name'])
      .orderBy('u.name', 'ASC')
      .getMany();
    return rows.map((u) => ({ id: u.id, name: u.name }));
  }
}
