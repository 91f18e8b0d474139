import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Access, Allow } from '../../core/auth/policy';

@ObjectType({ description: 'A background job, as the support team sees it (/admin)' })
@Allow(Access.SUPPORT)
export class AdminJobType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'export.render, …' })
  name: string;

  @Field({ description: 'waiting, active, delayed (retry to come), failed or completed' })
  state: string;

  @Field(() => Int)
  attemptsMade: number;

  @Field(() => Int)
  maxAttempts: number;

  @Field(() => Int, { description: '0–100' })
  progress: number;

  @Field(() => String, { nullable: true })
  failedReason: string | null;

  @Field(() => ID, { nullable: true, description: 'The dossier the job works for' })
  dossierId: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;
}

@ObjectType({ description: 'How many jobs are in each state' })
@Allow(Access.SUPPORT)
export class AdminJobCountsType {
  @Field(() => Int) waiting: number;
  @Field(() => Int) active: number;
  @Field(() => Int) delayed: number;
  @Field(() => Int) failed: number;
  @Field(() => Int) completed: number;
}

@ObjectType({ description: 'The job queue: counts and the jobs of one state' })
@Allow(Access.SUPPORT)
export class AdminJobsType {
  @Field({ description: 'memory (one process) or redis (BullMQ, shared by every node)' })
  queue: string;

  @Field(() => AdminJobCountsType)
  counts: AdminJobCountsType;

  @Field(() => [AdminJobType])
  jobs: AdminJobType[];
}
