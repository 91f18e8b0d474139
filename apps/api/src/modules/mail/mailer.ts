import type { AppKeys } from '../../core/keys';
import type { Mailer } from '../../core/mail';
import { randomUUID } from 'node:crypto';
import { OutboxAttachment, OutboxMessage } from './outbox.entity';
import { redact, seal } from './redaction';

export type { MailMessage, Mailer } from '../../core/mail';

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
        messageId: message.messageId ?? `<${randomUUID()}@comptoir.local>`,
        replyTo: message.replyTo ?? null,
      });
      row.sealed = seal(keys.mailKey, row.id, JSON.stringify({ subject: message.subject, text: message.text }));
      await em.insert(OutboxMessage, row);
      const files = (message.attachments ?? []).map((a, position) =>
        em.create(OutboxAttachment, { messageId: row.id, position, filename: a.filename, contentType: a.contentType, content: a.content.toString('base64') }),
      );
      if (files.length > 0) await em.insert(OutboxAttachment, files);
      for (const listener of listeners) listener();
    },
    onEnqueued(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
