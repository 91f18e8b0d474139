import nodemailer from 'nodemailer';
import { In, LessThanOrEqual } from 'typeorm';
import type { AppConfig } from '../../core/config';
import { RequestContext, type AppServices } from '../../core/context';
import type { OutboxRound, OutboxWorker } from '../../core/mail';
import { OutboxAttachment, OutboxMessage } from './outbox.entity';
import { unseal } from './redaction';

/** What actually delivers a message (nodemailer over SMTP_URL; tests may pass their own). */
export interface MailTransport {
  send(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    messageId?: string;
    replyTo?: string;
    attachments?: { filename: string; contentType: string; content: Buffer }[];
  }): Promise<void>;
}

export type { OutboxRound, OutboxWorker } from '../../core/mail';

/** A claimed message is retried by another worker if not settled within this lease. */
const LEASE_MS = 5 * 60_000;
const CLAIM_BATCH = 20;
/** Due messages handed to the job queue per sweep (the next sweep takes the rest). */
const SWEEP_BATCH = 200;

/** The job that delivers one outbox message. */
export const MAIL_JOB = 'mail.send';

/**
 * The idempotency key of a message's delivery: one job per outbox message, whatever
 * the number of nodes that find it due. Only the message's id goes to the queue
 * (Redis): its text and secrets stay in the database, sealed.
 */
export const mailJobId = (messageId: string) => `mail-${messageId}`;

export interface MailJobData {
  messageId: string;
}

type Outcome = { kind: 'sent' | 'logged' } | { kind: 'retried' | 'failed'; error: string };

export function smtpTransport(config: Pick<AppConfig, 'smtpUrl'>): MailTransport | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(config.smtpUrl);
  return { send: async (m) => void (await transport.sendMail(m)) };
}

/**
 * At-least-once delivery, each message by a job of the job queue (BullMQ when
 * REDIS_URL is set, in-process otherwise). The worker's loop only sweeps: every
 * MAIL_POLL_MS and soon after an enqueue commits, it hands each due message to the
 * queue as the job `mail-<message id>` (the idempotency key: a message already
 * queued is not queued again, however many nodes sweep).
 *
 * A job claims its message (status `sending`, lease in `nextAttemptAt`, `attempts`
 * + 1) in its own transaction, sends it, then settles it; a message already sent
 * is never sent again, so a re-run of the job (a retry, a worker killed after the
 * settle, a duplicate) sends nothing. Only a crash between the SMTP server's
 * acceptance and the settling write can deliver it twice (with the same
 * Message-ID). A refused send throws: the queue retries the job with exponential
 * backoff (MAIL_RETRY_BASE_SECONDS × 2^(attempts−1)) up to MAIL_MAX_ATTEMPTS, and
 * the message records the same schedule for /admin.
 *
 * The worker reaches the database through contexts of its own (`RequestContext.system`):
 * it may be created while `app` is being assembled (app.outbox is this worker), and reads
 * nothing from `app` but its config, logger, keys, mailer and jobs until it runs.
 */
export function createOutboxWorker(app: AppServices, transport: MailTransport | null = smtpTransport(app.config)): OutboxWorker {
  const { config, logger, keys, jobs } = app;
  const system = () => RequestContext.system(app, { requestId: 'outbox' });
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;
  let unsubscribe: (() => void) | null = null;
  // Deliveries this process's job worker is making: a manual round waits for them.
  const inflight = new Set<Promise<unknown>>();

  async function claim(now: Date): Promise<OutboxMessage[]> {
    // Through the transaction queue: on SQLite the one connection may be inside a caller's transaction.
    return system().transaction(async (tx) => {
      const due = await tx.platform(OutboxMessage).find({
        where: { status: In(['pending', 'sending']), nextAttemptAt: LessThanOrEqual(now) },
        order: { nextAttemptAt: 'ASC' },
        take: CLAIM_BATCH,
      });
      const claimed: OutboxMessage[] = [];
      for (const message of due) {
        if (await take(tx, message, now)) claimed.push({ ...message, attempts: message.attempts + 1 } as OutboxMessage);
      }
      return claimed;
    });
  }

  /** Conditional: another process may have claimed it since the read. */
  async function take(tx: RequestContext, message: OutboxMessage, now: Date): Promise<boolean> {
    const result = await tx
      .platform(OutboxMessage)
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ status: 'sending', attempts: () => '`attempts` + 1', nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where('id = :id AND status = :status AND attempts = :attempts', { id: message.id, status: message.status, attempts: message.attempts })
      .execute();
    return result.affected === 1;
  }

  /**
   * The job's claim of its message. `pending` is taken whatever its `nextAttemptAt`
   * (the queue's backoff decides when the job runs); `sending` only once its lease
   * has run out (its worker died).
   */
  async function claimForJob(id: string, now: Date): Promise<OutboxMessage | 'done' | 'failed' | 'busy'> {
    return system().transaction(async (tx) => {
      const message = await tx.platform(OutboxMessage).findOneBy({ id });
      if (!message || message.status === 'sent' || message.status === 'logged') return 'done';
      if (message.status === 'failed') return 'failed';
      if (message.status === 'sending' && message.nextAttemptAt && message.nextAttemptAt > now) return 'busy';
      return (await take(tx, message, now)) ? ({ ...message, attempts: message.attempts + 1 } as OutboxMessage) : 'busy';
    });
  }

  async function settle(id: string, values: Partial<OutboxMessage>): Promise<void> {
    await system().transaction((tx) => tx.platform(OutboxMessage).update({ id, status: 'sending' }, values));
  }

  async function deliver(message: OutboxMessage, now: Date): Promise<Outcome> {
    if (!transport || !message.sealed) {
      if (!transport && message.sealed && config.env === 'development') {
        // Development without SMTP: the developer's own console is the only place the real link goes.
        const { text } = JSON.parse(unseal(keys.mailKey, message.id, message.sealed)) as { text: string };
        console.warn(`\n--- e-mail to ${message.to} (no SMTP_URL; development only) ---\n${text}\n---\n`);
      }
      logger.info({ to: message.to, subject: message.subject }, 'mail kept in the outbox (no SMTP_URL configured)');
      await settle(message.id, { status: 'logged', sealed: null, nextAttemptAt: null });
      return { kind: 'logged' };
    }
    try {
      const { subject, text } = JSON.parse(unseal(keys.mailKey, message.id, message.sealed)) as { subject: string; text: string };
      const files = await system().platform(OutboxAttachment).find({ where: { messageId: message.id }, order: { position: 'ASC' } });
      await transport.send({
        from: config.mailFrom,
        to: message.to,
        subject,
        text,
        ...(message.messageId ? { messageId: message.messageId } : {}),
        ...(message.replyTo ? { replyTo: message.replyTo } : {}),
        ...(files.length > 0 ? { attachments: files.map((f) => ({ filename: f.filename, contentType: f.contentType, content: Buffer.from(f.content, 'base64') })) } : {}),
      });
    } catch (err) {
      const error = (err as Error).message.slice(0, 500);
      if (message.attempts >= config.mailMaxAttempts) {
        logger.error({ to: message.to, subject: message.subject, attempts: message.attempts, err: error }, 'mail given up');
        await settle(message.id, { status: 'failed', sealed: null, nextAttemptAt: null, error });
        return { kind: 'failed', error };
      }
      const delayMs = config.mailRetryBaseSeconds * 1000 * 2 ** (message.attempts - 1);
      logger.warn({ to: message.to, subject: message.subject, attempts: message.attempts, err: error }, 'mail not sent, will retry');
      await settle(message.id, { status: 'pending', nextAttemptAt: new Date(now.getTime() + delayMs), error });
      return { kind: 'retried', error };
    }
    // The secret leaves the database as soon as the recipient has it.
    await settle(message.id, { status: 'sent', sealed: null, sentAt: new Date(), nextAttemptAt: null, error: null });
    return { kind: 'sent' };
  }

  async function round(now: Date): Promise<OutboxRound> {
    const result: OutboxRound = { sent: 0, retried: 0, failed: 0, logged: 0 };
    for (;;) {
      const batch = await claim(now);
      for (const message of batch) result[(await deliver(message, now)).kind]++;
      if (batch.length < CLAIM_BATCH) return result;
    }
  }

  /** Hands every due message to the job queue, once per message (its job id). */
  async function sweep(now: Date): Promise<void> {
    // Through the transaction queue, as the claim: on SQLite the one connection may be inside a caller's transaction.
    const due = await system().transaction((tx) =>
      tx.platform(OutboxMessage).find({
        select: { id: true },
        where: [
          { status: 'pending', nextAttemptAt: LessThanOrEqual(now) },
          // Claimed by a worker whose lease ran out: its process died mid-send.
          { status: 'sending', nextAttemptAt: LessThanOrEqual(now) },
        ],
        order: { nextAttemptAt: 'ASC' },
        take: SWEEP_BATCH,
      }),
    );
    for (const { id } of due) {
      const jobId = mailJobId(id);
      const job = await jobs.get(jobId);
      if (!job) {
        await jobs.add(MAIL_JOB, { messageId: id } satisfies MailJobData, { id: jobId, attempts: config.mailMaxAttempts, backoffMs: config.mailRetryBaseSeconds * 1000 });
      } else if (job.state === 'failed') {
        // The job gave up while its message is still due (it found it held by a worker that then died).
        await jobs.retry(jobId);
      }
    }
  }

  async function deliverJob(messageId: string): Promise<void> {
    const now = new Date();
    const claimed = await claimForJob(messageId, now);
    if (claimed === 'done') return;
    if (claimed === 'failed') throw new Error('message given up after its last attempt');
    // Another worker holds it: this job looks again after its backoff (and finds it sent).
    if (claimed === 'busy') throw new Error('message being sent by another worker');
    const outcome = await deliver(claimed, now);
    if (outcome.kind === 'retried' || outcome.kind === 'failed') throw new Error(outcome.error);
  }

  async function settleInflight(): Promise<void> {
    while (inflight.size > 0) await Promise.allSettled([...inflight]);
  }

  const runOnce = async (now: Date = new Date()): Promise<OutboxRound> => {
    // A job of this process may be sending a message right now: its outcome comes first.
    await settleInflight();
    const result = await round(now);
    await settleInflight();
    return result;
  };

  function tick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = sweep(new Date());
    void running
      .catch((err: unknown) => logger.error({ err: (err as Error).message }, 'outbox sweep failed'))
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          setImmediate(tick);
        }
      });
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      // Sweep soon after an enqueue, and again once the enqueuing transaction commits
      // (before that, another connection cannot see the message).
      let enqueued = false;
      const off = app.mailer.onEnqueued(() => {
        enqueued = true;
        setImmediate(tick);
      });
      const offCommit = system().onEveryCommit(() => {
        if (!enqueued) return;
        enqueued = false;
        setImmediate(tick);
      });
      unsubscribe = () => {
        off();
        offCommit();
      };
      timer = setInterval(tick, config.mailPollMs);
      timer.unref();
      setImmediate(tick);
    },
    async stop() {
      stopped = true;
      unsubscribe?.();
      if (timer) clearInterval(timer);
      timer = null;
      while (running) await running.catch(() => undefined);
      await settleInflight();
    },
    runOnce,
    deliverJob(messageId) {
      const work = deliverJob(messageId);
      inflight.add(work);
      void work.catch(() => undefined).finally(() => inflight.delete(work));
      return work;
    },
  };
}
