import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { Identified, TIMESTAMP } from '../../core/entity';

/**
 * `pending` (waiting for its next attempt), `sending` (claimed by a worker; back to
 * due when its lease runs out), `sent` (the SMTP server accepted it), `logged` (no
 * SMTP configured: kept here only) or `failed` (given up after the last attempt).
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'logged' | 'failed';

/**
 * The transactional outbox: every message the app sends is written here in the
 * transaction that causes it, then delivered by the outbox worker. `text` is the
 * redacted text (links' tokens and other secrets replaced): it is all the support
 * team sees in /admin. The real text exists only encrypted in `sealed` (AES-256-GCM,
 * key outside the database) until the message is delivered or given up.
 */
@Entity('mail_outbox')
@Index('ix_mail_outbox_due', ['status', 'nextAttemptAt'])
export class OutboxMessage extends Identified {
  @Index('ix_mail_outbox_created')
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;

  @Column({ type: 'varchar', length: 254 })
  to: string;

  @Column({ type: 'varchar', length: 255 })
  subject: string;

  /** Redacted: safe to show to the support team. */
  @Column({ type: 'text' })
  text: string;

  /** The unredacted message, encrypted; null once delivered or given up. */
  @Column({ type: 'text', nullable: true })
  sealed: string | null;

  @Column({ type: 'varchar', length: 10 })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** When a worker may (re)try it: the backoff time, or the end of a worker's lease while `sending`. */
  @Column({ ...TIMESTAMP, nullable: true })
  nextAttemptAt: Date | null;

  @Column({ ...TIMESTAMP, nullable: true })
  sentAt: Date | null;

  /** The last delivery error. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  /** The Message-ID header the message is sent with. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  messageId: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  replyTo: string | null;
}

/**
 * A file sent with an outbox message (a document's PDF): base64 in a JSON column
 * (LONGTEXT on MariaDB, no 64 KB limit). Not secret: the PDF is the document itself.
 */
@Entity('mail_attachments')
@Index('ix_mail_attachments_message', ['messageId', 'position'])
export class OutboxAttachment extends Identified {
  /** The outbox message's id. */
  @Column({ type: 'varchar', length: 36 })
  messageId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  filename: string;

  @Column({ type: 'varchar', length: 100 })
  contentType: string;

  @Column({ type: 'json' })
  content: string;
}
