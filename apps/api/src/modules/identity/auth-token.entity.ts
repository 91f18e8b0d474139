import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Identified, TIMESTAMP } from '../../core/entity';
import { User } from './user.entity';

/** What a single-use e-mailed token is for. */
export enum AuthTokenPurpose {
  /** Set your password after being added to a dossier (link `/invitation?token=…`, 7 days). */
  INVITATION = 'INVITATION',
  /** Forgotten password (link `/reinitialiser-mot-de-passe?token=…`, 1 hour). */
  PASSWORD_RESET = 'PASSWORD_RESET',
}

/**
 * A single-use token sent by e-mail (invitation or password reset). Only the
 * SHA-256 of the token is stored: the link in the e-mail is the credential.
 */
@Entity('auth_tokens')
export class AuthToken extends Identified {
  @Index('uq_auth_tokens_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 20 })
  purpose: AuthTokenPurpose;

  @Index('ix_auth_tokens_user')
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  /** Invitation only: the dossier the user was added to, shown on the accept page. */
  @Column({ type: 'varchar', length: 160, nullable: true })
  dossierName: string | null;

  @Column(TIMESTAMP)
  createdAt: Date;

  @Column(TIMESTAMP)
  expiresAt: Date;

  /** Set when the token is used (or superseded): it never works twice. */
  @Column({ ...TIMESTAMP, nullable: true })
  usedAt: Date | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;
}
