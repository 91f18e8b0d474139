import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { Access, Allow } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import { checkDatabase } from './health.service';

@ObjectType({ description: 'Liveness of the server and its database.' })
@Allow(Access.PUBLIC)
export class Health {
  @Field({ description: '"ok" when the database answers, "degraded" otherwise' })
  status: string;

  @Field()
  version: string;

  @Field({ description: 'sqlite, mysql or mariadb' })
  database: string;

  @Field()
  time: Date;
}

@Resolver()
export class HealthResolver {
  @Query(() => Health)
  @Allow(Access.PUBLIC)
  async health(@Ctx() ctx: RequestContext): Promise<Health> {
    const up = await checkDatabase(ctx.app);
    return {
      status: up ? 'ok' : 'degraded',
      version: ctx.app.config.version,
      database: ctx.app.config.database.kind,
      time: new Date(),
    };
  }
}
