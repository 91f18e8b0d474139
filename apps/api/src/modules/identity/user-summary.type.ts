import DataLoader from 'dataloader';
import { Field, ID, ObjectType } from 'type-graphql';
import { Auth, PROFILES } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';

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

/** Users this request has loaded already, by id (null: no such user). */
const knownUsers = (): Map<string, UserSummary | null> => new Map();

/**
 * A user of this request: the value itself when already loaded (a list page loads its
 * users in one batch before its rows resolve), a promise otherwise. A promise per
 * field would make every row of a page a promise to await, for nothing.
 */
export function userSummaryOf(ctx: RequestContext, id: string): UserSummary | null | Promise<UserSummary | null> {
  const known = ctx.loader(knownUsers);
  return known.has(id) ? known.get(id)! : ctx.loader(userSummaryLoader).load(id);
}

/** Batches user look-ups of one request into one query. */
export const userSummaryLoader = (ctx: RequestContext) =>
  new DataLoader<string, UserSummary | null>(async (ids) => {
    // Two plain columns: written out rather than built and hydrated by TypeORM on every list page.
    const users = (await ctx.query(`SELECT id, name FROM users WHERE id IN (${ids.map(() => '?').join(', ')})`, [...ids])) as UserSummary[];
    const byId = new Map(users.map((u) => [u.id, { id: u.id, name: u.name }]));
    const known = ctx.loader(knownUsers);
    for (const id of ids) known.set(id, byId.get(id) ?? null);
    return ids.map((id) => byId.get(id) ?? null);
  });
