import type { AppConfig } from '../core/config';
import { topics, type EventBus } from '../core/bus';
import { MemoryJobQueue, type JobInfo, type JobQueue } from '../core/jobs';
import type { Logger } from '../core/logger';
import { redisConnection } from '../core/redis';

/** Progress of a job, published on the bus: its dossier's users and /admin follow it live. */
export function publishJob(bus: EventBus, info: JobInfo): void {
  const event = { kind: 'job', ...info, createdAt: info.createdAt.toISOString(), finishedAt: info.finishedAt?.toISOString() ?? null };
  void bus.publish(topics.job(info.id), event).catch(() => undefined);
  void bus.publish(topics.admin, event).catch(() => undefined);
}

/** The job queue for this process: BullMQ when REDIS_URL is set, in-process otherwise. */
export function createJobQueue(config: AppConfig, bus: EventBus, _logger: Logger): JobQueue {
  const onProgress = (info: JobInfo) => publishJob(bus, info);
  if (!config.redisUrl) return new MemoryJobQueue(onProgress);
  const url = config.redisUrl;
  // BullMQ loads only with REDIS_URL: without it, the in-process queue above.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { BullJobQueue } = require('../core/bullmq-jobs') as typeof import('../core/bullmq-jobs');
  return new BullJobQueue(() => redisConnection(url, { forBullmq: true }), `${config.redisPrefix}bull`, onProgress, { lockMs: config.jobLockMs, concurrency: 2 });
}
