import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Access, Allow } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import { JOB_STATES, type JobState } from '../../core/jobs';
import { notFound } from '../../core/errors';
import { AdminJobsType } from './jobs.types';

/** The job queue for the support team: what waits, runs, failed; failed jobs can be run again. */
@Resolver()
export class AdminJobsResolver {
  @Query(() => AdminJobsType, { description: 'Counts per state and the latest jobs of `state` (default failed), newest first' })
  @Allow(Access.SUPPORT)
  async adminJobs(@Ctx() ctx: RequestContext, @Arg('state', () => String, { nullable: true }) state?: string | null): Promise<AdminJobsType> {
    const wanted = (JOB_STATES as readonly string[]).includes(state ?? '') ? (state as JobState) : 'failed';
    const { jobs } = ctx.app;
    return { queue: jobs.kind, counts: await jobs.counts(), jobs: await jobs.list(wanted, 100) };
  }

  @Mutation(() => Boolean, { description: 'Puts a failed job back in the queue (NOT_FOUND when there is no such failed job)' })
  @Allow(Access.SUPPORT)
  async adminRetryJob(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<boolean> {
    if (!(await ctx.app.jobs.retry(id))) throw notFound('Job', id);
    return true;
  }
}
