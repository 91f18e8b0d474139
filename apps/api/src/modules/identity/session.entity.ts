import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Identified, TIMESTAMP } from '../../core/entity';
import { User } from './user.entity';

/**
 * A server-side session. Only the SHA-256 of the cookie token is stored, so a
 * leaked table cannot be replayed. `dossierId` stays null until the user picks one.
 */
@Entity('sessions')
export class Session extends Identified {
  @Index('uq_sessions_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Index('ix_sessions_user')
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  dossierId: string | null;

  @Column(TIMESTAMP)
  createdAt: Date;

  @Column(TIMESTAMP)
  lastSeenAt: Date;

  /** Absolute expiry; idle expiry is computed from `lastSeenAt`. */
  @Column(TIMESTAMP)
  expiresAt: Date;

  @Column({ ...TIMESTAMP, nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  userAgent: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;
}
