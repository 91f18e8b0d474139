/**
 * Background jobs behind one small interface: BullMQ on Redis when REDIS_URL is
 * set (any node's worker takes any job; a job whose process died is taken again by
 * another node once its lock runs out), in-process otherwise.
 *
 * Handlers must be idempotent: a job may run again after a crash in the middle. The
 * job id is its idempotency key (adding a job with an id already queued is a no-op),
 * and a handler records its effect under that key in the database, in the
 * transaction that writes the effect, so a second run finds it done.
 */
export type JobState = 'waiting' | 'active' | 'completed' | 'failed' | 'delayed';

export const JOB_STATES: readonly JobState[] = ['waiting', 'active', 'delayed', 'failed', 'completed'];

export interface JobInfo {
  id: string;
  name: string;
  state: JobState;
  attemptsMade: number;
  maxAttempts: number;
  progress: number;
  failedReason: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  /** Dossier the job works for, when it has one (never shown to another dossier). */
  dossierId: string | null;
}

export interface JobRun {
  id: string;
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
  /** 0–100; published on the bus for whoever follows the job. */
  progress(percent: number): Promise<void>;
}

export type JobHandler<D = unknown> = (data: D, run: JobRun) => Promise<void>;

export interface AddJobOptions {
  /** Idempotency key: a job with this id already known is not added again. */
  id?: string;
  /** Default 5. */
  attempts?: number;
  /** First retry delay, doubled at each attempt (default 1 s). */
  backoffMs?: number;
  dossierId?: string | null;
}

export interface JobQueue {
  readonly kind: 'memory' | 'redis';
  /** Declares the handler of `name` (before `start`). */
  register<D>(name: string, handler: JobHandler<D>): void;
  add(name: string, data: object, options?: AddJobOptions): Promise<string>;
  /** Starts this process's worker (the server does; one-off commands do not). */
  start(): Promise<void>;
  stop(): Promise<void>;
  get(id: string): Promise<JobInfo | null>;
  list(state: JobState, limit?: number): Promise<JobInfo[]>;
  counts(): Promise<Record<JobState, number>>;
  /** Puts a failed job back in the queue. */
  retry(id: string): Promise<boolean>;
}

interface MemoryJob {
  info: JobInfo;
  data: unknown;
  backoffMs: number;
}

/** One process runs everything: a FIFO with retries and backoff, 2 jobs at a time. */
export class MemoryJobQueue implements JobQueue {
  readonly kind = 'memory' as const;
  private readonly handlers = new Map<string, JobHandler<never>>();
  private readonly jobs = new Map<string, MemoryJob>();
  private readonly waiting: string[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private running = 0;
  private started = false;
  private seq = 0;
  private readonly idle = new Set<() => void>();

  constructor(
    private readonly onProgress: (info: JobInfo) => void = () => undefined,
    private readonly concurrency = 2,
    private readonly keepFinished = 500,
  ) {}

  register<D>(name: string, handler: JobHandler<D>): void {
    this.handlers.set(name, handler as JobHandler<never>);
  }

  async add(name: string, data: object, options: AddJobOptions = {}): Promise<string> {
    const id = options.id ?? `${Date.now().toString(36)}-${(this.seq++).toString(36)}`;
    if (this.jobs.has(id)) return id;
    this.jobs.set(id, {
      info: {
        id,
        name,
        state: 'waiting',
        attemptsMade: 0,
        maxAttempts: options.attempts ?? 5,
        progress: 0,
        failedReason: null,
        createdAt: new Date(),
        finishedAt: null,
        dossierId: options.dossierId ?? null,
      },
      data,
      backoffMs: options.backoffMs ?? 1000,
    });
    this.waiting.push(id);
    this.prune();
    this.pump();
    return id;
  }

  async start(): Promise<void> {
    this.started = true;
    this.pump();
  }

  async stop(): Promise<void> {
    // Retry timers stay armed (unref'd): a job they put back waits for the next start.
    this.started = false;
    if (this.running > 0) await new Promise<void>((resolve) => this.idle.add(resolve));
  }

  async get(id: string): Promise<JobInfo | null> {
    const job = this.jobs.get(id);
    return job ? { ...job.info } : null;
  }

  async list(state: JobState, limit = 100): Promise<JobInfo[]> {
    return [...this.jobs.values()]
      .filter((j) => j.info.state === state)
      .map((j) => ({ ...j.info }))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, limit);
  }

  async counts(): Promise<Record<JobState, number>> {
    const counts: Record<JobState, number> = { waiting: 0, active: 0, completed: 0, failed: 0, delayed: 0 };
    for (const job of this.jobs.values()) counts[job.info.state]++;
    return counts;
  }

  async retry(id: string): Promise<boolean> {
    const job = this.jobs.get(id);
    if (!job || job.info.state !== 'failed') return false;
    job.info.state = 'waiting';
    job.info.failedReason = null;
    job.info.maxAttempts = job.info.attemptsMade + 1;
    this.waiting.push(id);
    this.pump();
    return true;
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.info.state === 'completed' || j.info.state === 'failed');
    for (const job of finished.slice(0, Math.max(0, finished.length - this.keepFinished))) this.jobs.delete(job.info.id);
  }

  private pump(): void {
    while (this.started && this.running < this.concurrency && this.waiting.length > 0) {
      const id = this.waiting.shift() as string;
      const job = this.jobs.get(id);
      if (!job) continue;
      this.running++;
      void this.run(job).finally(() => {
        this.running--;
        if (this.running === 0) {
          for (const resolve of this.idle) resolve();
          this.idle.clear();
        }
        this.pump();
      });
    }
  }

  private async run(job: MemoryJob): Promise<void> {
    const info = job.info;
    const handler = this.handlers.get(info.name);
    info.state = 'active';
    info.attemptsMade++;
    const run: JobRun = {
      id: info.id,
      attempt: info.attemptsMade,
      progress: async (percent) => {
        info.progress = Math.max(0, Math.min(100, Math.round(percent)));
        this.onProgress({ ...info });
      },
    };
    this.onProgress({ ...info });
    try {
      if (!handler) throw new Error(`no handler for job ${info.name}`);
      await handler(job.data as never, run);
      info.state = 'completed';
      info.progress = 100;
      info.finishedAt = new Date();
    } catch (err) {
      info.failedReason = err instanceof Error ? err.message : String(err);
      if (info.attemptsMade < info.maxAttempts) {
        info.state = 'delayed';
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          info.state = 'waiting';
          this.waiting.push(info.id);
          this.pump();
        }, job.backoffMs * 2 ** (info.attemptsMade - 1));
        timer.unref();
        this.timers.add(timer);
      } else {
        info.state = 'failed';
        info.finishedAt = new Date();
      }
    }
    this.onProgress({ ...info });
  }
}
