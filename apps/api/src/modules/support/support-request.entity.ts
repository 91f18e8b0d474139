import { Column, Entity, Index } from 'typeorm';
import { SupportMessageSide, SupportRequestKind, SupportRequestStatus } from '@comptoir/schema';
import { DossierOwned, TIMESTAMP } from '../../core/entity';

/**
 * What the request asks for, as validated by its kind's zod schema, plus a snapshot
 * of the member it is about (name, e-mail, profile when asked), since members change.
 */
export interface StoredPayload {
  memberId?: string;
  memberName?: string;
  memberEmail?: string;
  memberProfile?: string;
  newEmail?: string;
  name?: string;
  email?: string;
  phone?: string | null;
  profile?: string;
  firmName?: string;
  subject?: string;
  text?: string;
}

/** A *Demande de support* sent from inside a dossier (SPEC.md, "Support request"). */
@Entity('support_requests')
@Index('ix_support_requests_dossier_created', ['dossierId', 'createdAt'])
@Index('ix_support_requests_status_created', ['status', 'createdAt'])
export class SupportRequest extends DossierOwned {
  @Column({ type: 'varchar', length: 30 })
  kind: SupportRequestKind;

  @Column({ type: 'varchar', length: 20 })
  status: SupportRequestStatus;

  @Column({ type: 'simple-json' })
  payload: StoredPayload;

  @Column({ type: 'varchar', length: 36 })
  requestedById: string;

  /** The support agent who took it in charge (« pris en charge par »). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  assignedToId: string | null;

  @Column({ ...TIMESTAMP, nullable: true })
  assignedAt: Date | null;

  /** ADD_USER sent while this seat order awaited payment: held until it is paid. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  heldBySeatOrderId: string | null;

  @Column(TIMESTAMP)
  lastMessageAt: Date;

  @Column({ ...TIMESTAMP, nullable: true })
  closedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  closedById: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  rejectionReason: string | null;

  /** Why the last processing attempt failed (nothing was applied); cleared when it succeeds. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  failureMessage: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  failureReason: string | null;

  @Column({ ...TIMESTAMP, nullable: true })
  failedAt: Date | null;
}

/** One message of a request's thread: plain text, written by the dossier or by support. */
@Entity('support_messages')
@Index('ix_support_messages_request', ['requestId', 'createdAt'])
export class SupportMessage extends DossierOwned {
  @Column({ type: 'varchar', length: 36 })
  requestId: string;

  @Column({ type: 'varchar', length: 36 })
  authorId: string;

  @Column({ type: 'varchar', length: 10 })
  side: SupportMessageSide;

  @Column({ type: 'text' })
  text: string;
}
