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
  const meta = { requestId: jobId, ip: null, userAgent: 'job' };
  const nobody = new RequestContext(app, null, meta, new MemoryCookieJar());
  const user = await nobody.platform(User).findOneBy({ id: actor.userId });
  if (!user) throw notFound('Membership', `${actor.userId}@${actor.dossierId}`);
  const principal = { sessionId: `job:${jobId}`, userId: user.id, email: user.email, name: user.name, dossierId: actor.dossierId, profile: null, platformRole: null };
  // The dossier is the one the job was asked for: the user's membership of that dossier (a platform table).
  const membership = await nobody.platform(Membership).findOneBy({ userId: user.id, dossierId: actor.dossierId });
  if (!membership) throw notFound('Membership', `${actor.userId}@${actor.dossierId}`);
  return nobody.withPrincipal({ ...principal, profile: membership.profile });
}
