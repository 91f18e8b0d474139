import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { closeRedis } from './bus';
import type { AddJobOptions, JobHandler, JobInfo, JobQueue, JobState } from './jobs';

const QUEUE = 'jobs';

interface Payload {
  data: unknown;
  dossierId: string | null;
}

export interface BullOptions {
  /** How long a worker's lock on a job lasts without renewal: a killed worker's job is taken again after it. */
  lockMs: number;
  concurrency: number;
}

/** BullMQ job ids may not contain ':' (its key separator). */
export const safeJobId = (id: string) => id.replace(/:/g, '-');

/**
 * Jobs on BullMQ (Redis): every node adds to one queue, and every node's worker
 * takes jobs from it. A worker killed in the middle of a job (kill -9) stops
 * renewing its lock; another node's stalled-job check puts the job back and runs
 * it again (handlers are idempotent). Failures retry with exponential backoff.
 */
export class BullJobQueue implements JobQueue {
  readonly kind = 'redis' as const;
  private readonly handlers = new Map<string, JobHandler<never>>();
  private readonly queue: Queue<Payload>;
  private worker: Worker<Payload> | null = null;
  private readonly connections: Redis[] = [];

  constructor(
    private readonly open: () => Redis,
    private readonly prefix: string,
    private readonly onProgress: (info: JobInfo) => void,
    private readonly options: BullOptions,
  ) {
    this.queue = new Queue<Payload>(QUEUE, { connection: this.connect(), prefix });
  }

  private connect(): Redis {
    const connection = this.open();
    this.connections.push(connection);
    return connection;
  }

  register<D>(name: string, handler: JobHandler<D>): void {
    this.handlers.set(name, handler as JobHandler<never>);
  }

  async add(name: string, data: object, options: AddJobOptions = {}): Promise<string> {
    const job = await this.queue.add(
      name,
      { data, dossierId: options.dossierId ?? null },
      {
        ...(options.id ? { jobId: safeJobId(options.id) } : {}),
        attempts: options.attempts ?? 5,
        backoff: { type: 'exponential', delay: options.backoffMs ?? 1000 },
        removeOnComplete: { count: 1000 },
        removeOnFail: { count: 5000 },
      },
    );
    return String(job.id);
  }

  async start(): Promise<void> {
    if (this.worker) return;
    this.worker = new Worker<Payload>(
      QUEUE,
      async (job) => {
        const handler = this.handlers.get(job.name);
        if (!handler) throw new Error(`no handler for job ${job.name}`);
        this.onProgress(this.info(job, 'active'));
        await handler(job.data.data as never, {
          id: String(job.id),
          attempt: job.attemptsStarted,
          progress: async (percent) => {
            await job.updateProgress(Math.max(0, Math.min(100, Math.round(percent))));
            this.onProgress(this.info(job, 'active'));
          },
        });
      },
      {
        connection: this.connect(),
        prefix: this.prefix,
        concurrency: this.options.concurrency,
        lockDuration: this.options.lockMs,
        stalledInterval: this.options.lockMs,
        maxStalledCount: 3,
      },
    );
    this.worker.on('completed', (job) => this.onProgress(this.info(job, 'completed')));
    this.worker.on('failed', (job) => {
      if (job) this.onProgress(this.info(job, job.attemptsMade < (job.opts.attempts ?? 1) ? 'delayed' : 'failed'));
    });
    // Errors of the connection are retried by ioredis; they must not crash the process.
    this.worker.on('error', () => undefined);
    await this.worker.waitUntilReady();
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.close();
    await this.queue.close();
    await Promise.allSettled(this.connections.map((c) => closeRedis(c)));
  }

  private info(job: Job<Payload>, state: JobState): JobInfo {
    return {
      id: String(job.id),
      name: job.name,
      state,
      attemptsMade: job.attemptsMade,
      maxAttempts: job.opts.attempts ?? 1,
      progress: typeof job.progress === 'number' ? job.progress : 0,
      failedReason: job.failedReason || null,
      createdAt: new Date(job.timestamp),
      finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
      dossierId: job.data?.dossierId ?? null,
    };
  }

  async get(id: string): Promise<JobInfo | null> {
    // State first, then the job's hash: a job only moves forward, so the hash read second is at
    // least as new as the state (read the other way, a job completing in between showed
    // "completed" with its previous progress).
    const state = (await this.queue.getJobState(safeJobId(id))) as string;
    const job = await this.queue.getJob(safeJobId(id));
    if (!job) return null;
    return this.info(job, (['waiting', 'active', 'completed', 'failed', 'delayed'].includes(state) ? state : 'waiting') as JobState);
  }

  async list(state: JobState, limit = 100): Promise<JobInfo[]> {
    const jobs = await this.queue.getJobs([state === 'waiting' ? 'wait' : state], 0, limit - 1);
    return jobs.filter(Boolean).map((job) => this.info(job, state));
  }

  async counts(): Promise<Record<JobState, number>> {
    const c = await this.queue.getJobCounts('wait', 'active', 'completed', 'failed', 'delayed');
    return { waiting: c.wait ?? 0, active: c.active ?? 0, completed: c.completed ?? 0, failed: c.failed ?? 0, delayed: c.delayed ?? 0 };
  }

  async retry(id: string): Promise<boolean> {
    const job = await this.queue.getJob(safeJobId(id));
    if (!job || (await job.getState()) !== 'failed') return false;
    await job.retry('failed');
    return true;
  }
}
