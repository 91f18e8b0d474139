import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { Identified, TIMESTAMP } from '../../core/entity';

export enum AdminActionKind {
  CHANGE_LOGIN_EMAIL = 'CHANGE_LOGIN_EMAIL',
  ADD_USER = 'ADD_USER',
  CHANGE_PROFILE = 'CHANGE_PROFILE',
  REMOVE_USER = 'REMOVE_USER',
  CHANGE_PLAN = 'CHANGE_PLAN',
  MARK_SEAT_ORDER_PAID = 'MARK_SEAT_ORDER_PAID',
  CANCEL_SEAT_ORDER = 'CANCEL_SEAT_ORDER',
  /** A support request closed without a change of its own (kind OTHER). */
  CLOSE_SUPPORT_REQUEST = 'CLOSE_SUPPORT_REQUEST',
  REJECT_SUPPORT_REQUEST = 'REJECT_SUPPORT_REQUEST',
}

export interface AdminActionDetail {
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  [key: string]: unknown;
}

/**
 * Who of the support team did what, when, to which dossier or user. Written in
 * the same transaction as the change; append-only (nothing updates or deletes it).
 */
@Entity('admin_actions')
@Index('ix_admin_actions_dossier', ['dossierId', 'createdAt'])
@Index('ix_admin_actions_target_user', ['targetUserId', 'createdAt'])
export class AdminAction extends Identified {
  @Index('ix_admin_actions_created')
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;

  @Column({ type: 'varchar', length: 36 })
  supportUserId: string;

  @Column({ type: 'varchar', length: 40 })
  kind: AdminActionKind;

  @Column({ type: 'varchar', length: 36, nullable: true })
  dossierId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  targetUserId: string | null;

  /** The support request this action carried out, if any. */
  @Index('ix_admin_actions_support_request')
  @Column({ type: 'varchar', length: 36, nullable: true })
  supportRequestId: string | null;

  /** What changed: `before` and `after`, plus what the action needs to be understood. */
  @Column({ type: 'simple-json' })
  detail: AdminActionDetail;
}
