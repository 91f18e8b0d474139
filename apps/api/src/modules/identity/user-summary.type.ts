import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { Auth, PROFILES } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import { User } from './user.entity';

/**
 * A colleague as other members of the dossier see them (who created or changed
 * a document). Users are global, so no dossier scope applies; only id and name show.
 */
@ObjectType({ description: 'A user as shown on documents and history (créé par, modifié par)' })
@Auth(...PROFILES.all)
export class UserSummary {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

/** Batches user look-ups of one request into one query. */
export const userSummaryLoader = (ctx: RequestContext) =>
  new DataLoader<string, UserSummary | null>(async (ids) => {
    const users = await ctx.platform(User).find({ where: { id: In([...ids]) }, select: { id: true, name: true } });
    const byId = new Map(users.map((u) => [u.id, { id: u.id, name: u.name }]));
    return ids.map((id) => byId.get(id) ?? null);
  });
