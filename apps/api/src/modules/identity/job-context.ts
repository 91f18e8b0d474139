import { MemoryCookieJar } from '../../core/cookies';
import { RequestContext, type AppServices } from '../../core/context';
import { notFound } from '../../core/errors';
import { Membership } from './membership.entity';
import { User } from './user.entity';

export interface JobActor {
  userId: string;
  dossierId: string;
}

/**
 * The context a background job works in: the user who asked for it, in the
 * dossier they asked it for, with their current profile there (as their request
 * would have it). NOT_FOUND when the user left the dossier meanwhile: the job fails
 * and shows in /admin → Tâches.
 */
export async function jobContext(app: AppServices, actor: JobActor, jobId: string): Promise<RequestContext> {
  const em = app.dataSource.manager;
  const membership = await em.findOneBy(Membership, { userId: actor.userId, dossierId: actor.dossierId });
  const user = await em.findOneBy(User, { id: actor.userId });
  if (!membership || !user) throw notFound('Membership', `${actor.userId}@${actor.dossierId}`);
  const principal = { sessionId: `job:${jobId}`, userId: user.id, email: user.email, name: user.name, dossierId: actor.dossierId, profile: membership.profile, platformRole: null };
  return new RequestContext(app, principal, { requestId: jobId, ip: null, userAgent: 'job' }, new MemoryCookieJar());
}
