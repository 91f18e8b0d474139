import { Column, Entity, Index } from 'typeorm';
import { PlatformRole } from '@comptoir/schema';
import { Timestamped } from '../../core/entity';

/** One global identity per e-mail address (stored trimmed and lower-cased, hence unique case-insensitively). */
@Entity('users')
export class User extends Timestamped {
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** Null until an invited user sets their password. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  platformRole: PlatformRole | null;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
