import type { EntityManager } from 'typeorm';

/** What services need to send mail; the mail module implements it, the app layer wires it in. */
export interface MailMessage {
  to: string;
  subject: string;
  /** The full text, as the recipient must receive it. */
  text: string;
  /**
   * Values in `text` that give access to something (a link's token, a code):
   * they never reach the database in clear, nor the /admin outbox.
   */
  secrets?: readonly string[];
  /** Files sent with the message (a document's PDF); kept in the outbox until delivered. */
  attachments?: readonly MailAttachment[];
  /** The Message-ID header (`<…@…>`), chosen by the caller to record it (history); generated otherwise. */
  messageId?: string;
  /** Where answers go (the dossier's address), when not MAIL_FROM. */
  replyTo?: string | null;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface Mailer {
  /**
   * Writes the message to the outbox through `em`, the manager of the transaction
   * that causes it: the message exists if and only if that transaction commits.
   * The outbox worker delivers it afterwards.
   */
  enqueue(em: EntityManager, message: MailMessage): Promise<void>;
  /** Called after each enqueue (the worker uses it to look for due messages soon). */
  onEnqueued(listener: () => void): () => void;
}

export interface OutboxRound {
  sent: number;
  retried: number;
  failed: number;
  logged: number;
}

/**
 * Delivers the outbox: each message by a job of the job queue (`mail.send`, one
 * per message), so any node's worker sends it, with the queue's retries.
 */
export interface OutboxWorker {
  /** Sweeps every MAIL_POLL_MS, and soon after each enqueue's commit: each due message becomes a job. */
  start(): void;
  /** Stops sweeping and waits for the sweep, and this process's deliveries, in progress. */
  stop(): Promise<void>;
  /**
   * One round by hand (tests, one-off commands): claims every message due at `now`
   * and tries it once, without the queue; first and last waits for this process's
   * jobs in progress.
   */
  runOnce(now?: Date): Promise<OutboxRound>;
  /** The work of the job `mail.send`: sends the message unless already sent; throws when the queue must retry. */
  deliverJob(messageId: string): Promise<void>;
}
