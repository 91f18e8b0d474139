import nodemailer from 'nodemailer';
import { In, LessThanOrEqual, type DataSource, type EntitySubscriberInterface } from 'typeorm';
import type { AppConfig } from '../../core/config';
import type { AppKeys } from '../../core/keys';
import type { Logger } from '../../core/logger';
import { runInTransaction } from '../../core/transaction';
import type { Mailer, OutboxRound, OutboxWorker } from '../../core/mail';
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

export function smtpTransport(config: Pick<AppConfig, 'smtpUrl'>): MailTransport | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(config.smtpUrl);
  return { send: async (m) => void (await transport.sendMail(m)) };
}

export interface OutboxWorkerDeps {
  config: AppConfig;
  dataSource: DataSource;
  logger: Logger;
  keys: Pick<AppKeys, 'mailKey'>;
  mailer: Mailer;
}

/**
 * At-least-once delivery: a message is claimed (status `sending`, lease in
 * `nextAttemptAt`, `attempts` + 1) in its own transaction, sent, then settled.
 * A crash before the claim or during the send leaves it due again (after the
 * lease); only a crash between the SMTP server's acceptance and the settling
 * write can deliver it twice. Failures back off exponentially
 * (MAIL_RETRY_BASE_SECONDS × 2^(attempts−1)) up to MAIL_MAX_ATTEMPTS.
 */
export function createOutboxWorker(deps: OutboxWorkerDeps, transport: MailTransport | null = smtpTransport(deps.config)): OutboxWorker {
  const { config, dataSource, logger, keys } = deps;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<OutboxRound> | null = null;
  let again = false;
  let stopped = true;
  let unsubscribe: (() => void) | null = null;

  async function claim(now: Date): Promise<OutboxMessage[]> {
    // Through the transaction queue: on SQLite the one connection may be inside a caller's transaction.
    return runInTransaction(dataSource, async (em) => {
      const due = await em.find(OutboxMessage, {
        where: { status: In(['pending', 'sending']), nextAttemptAt: LessThanOrEqual(now) },
        order: { nextAttemptAt: 'ASC' },
        take: CLAIM_BATCH,
      });
      const claimed: OutboxMessage[] = [];
      for (const message of due) {
        // Conditional: another process may have claimed it since the read.
        const result = await em
          .createQueryBuilder()
          .update(OutboxMessage)
          .set({ status: 'sending', attempts: () => '`attempts` + 1', nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
          .where('id = :id AND status = :status AND attempts = :attempts', { id: message.id, status: message.status, attempts: message.attempts })
          .execute();
        if (result.affected === 1) claimed.push({ ...message, attempts: message.attempts + 1 } as OutboxMessage);
      }
      return claimed;
    });
  }

  async function settle(id: string, values: Partial<OutboxMessage>): Promise<void> {
    await runInTransaction(dataSource, (em) => em.update(OutboxMessage, { id, status: 'sending' }, values));
  }

  async function deliver(message: OutboxMessage, now: Date, round: OutboxRound): Promise<void> {
    if (!transport || !message.sealed) {
      if (!transport && message.sealed && config.env === 'development') {
        // Development without SMTP: the developer's own console is the only place the real link goes.
        const { text } = JSON.parse(unseal(keys.mailKey, message.id, message.sealed)) as { text: string };
        console.warn(`\n--- e-mail to ${message.to} (no SMTP_URL; development only) ---\n${text}\n---\n`);
      }
      logger.info({ to: message.to, subject: message.subject }, 'mail kept in the outbox (no SMTP_URL configured)');
      await settle(message.id, { status: 'logged', sealed: null, nextAttemptAt: null });
      round.logged++;
      return;
    }
    try {
      const { subject, text } = JSON.parse(unseal(keys.mailKey, message.id, message.sealed)) as { subject: string; text: string };
      const files = await dataSource.manager.find(OutboxAttachment, { where: { messageId: message.id }, order: { position: 'ASC' } });
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
        round.failed++;
      } else {
        const delayMs = config.mailRetryBaseSeconds * 1000 * 2 ** (message.attempts - 1);
        logger.warn({ to: message.to, subject: message.subject, attempts: message.attempts, err: error }, 'mail not sent, will retry');
        await settle(message.id, { status: 'pending', nextAttemptAt: new Date(now.getTime() + delayMs), error });
        round.retried++;
      }
      return;
    }
    // The secret leaves the database as soon as the recipient has it.
    await settle(message.id, { status: 'sent', sealed: null, sentAt: new Date(), nextAttemptAt: null, error: null });
    round.sent++;
  }

  async function round(now: Date): Promise<OutboxRound> {
    const result: OutboxRound = { sent: 0, retried: 0, failed: 0, logged: 0 };
    for (;;) {
      const batch = await claim(now);
      for (const message of batch) await deliver(message, now, result);
      if (batch.length < CLAIM_BATCH) return result;
    }
  }

  const runOnce = async (now: Date = new Date()): Promise<OutboxRound> => {
    while (running) await running.catch(() => undefined);
    running = round(now);
    try {
      return await running;
    } finally {
      running = null;
    }
  };

  function tick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    void runOnce()
      .catch((err: unknown) => logger.error({ err: (err as Error).message }, 'outbox round failed'))
      .finally(() => {
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
      // Wake soon after an enqueue, and again once the enqueuing transaction commits
      // (before that, another connection cannot see the message).
      let enqueued = false;
      const off = deps.mailer.onEnqueued(() => {
        enqueued = true;
        setImmediate(tick);
      });
      const subscriber: EntitySubscriberInterface = {
        afterTransactionCommit: () => {
          if (!enqueued) return;
          enqueued = false;
          setImmediate(tick);
        },
      };
      dataSource.subscribers.push(subscriber);
      unsubscribe = () => {
        off();
        const at = dataSource.subscribers.indexOf(subscriber);
        if (at >= 0) dataSource.subscribers.splice(at, 1);
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
    },
    runOnce,
  };
}
