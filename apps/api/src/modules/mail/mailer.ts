import type { EntityManager } from 'typeorm';
import type { AppKeys } from '../../core/keys';
import { OutboxMessage } from './outbox.entity';
import { redact, seal } from './redaction';

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

export function createMailer(keys: Pick<AppKeys, 'mailKey'>): Mailer {
  const listeners = new Set<() => void>();
  return {
    async enqueue(em, message) {
      const row = em.create(OutboxMessage, {
        to: message.to,
        subject: redact(message.subject, message.secrets).slice(0, 255),
        text: redact(message.text, message.secrets),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: new Date(),
        sentAt: null,
        error: null,
      });
      row.sealed = seal(keys.mailKey, row.id, JSON.stringify({ subject: message.subject, text: message.text }));
      await em.insert(OutboxMessage, row);
      for (const listener of listeners) listener();
    },
    onEnqueued(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
