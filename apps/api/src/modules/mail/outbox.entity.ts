import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { Identified, TIMESTAMP } from '../../core/entity';

/**
 * Every message the app sends. With no SMTP configured (development), this is
 * where messages go: the support team reads them in /admin.
 */
@Entity('mail_outbox')
export class OutboxMessage extends Identified {
  @Index('ix_mail_outbox_created')
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;

  @Column({ type: 'varchar', length: 254 })
  to: string;

  @Column({ type: 'varchar', length: 255 })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  /** `sent` (SMTP accepted it), `logged` (no SMTP configured) or `failed`. */
  @Column({ type: 'varchar', length: 10 })
  status: 'sent' | 'logged' | 'failed';

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;
}
