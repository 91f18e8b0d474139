import { Column, Entity, Index } from 'typeorm';
import { Identified, TIMESTAMP } from '../../core/entity';

/**
 * One failed login, kept in the database so the throttle holds across every API
 * process sharing it. `scope` is `email` or `ip`; `key` the normalized e-mail or
 * the client IP. Rows older than the window are purged as new failures come in.
 */
@Entity('login_attempts')
@Index('ix_login_attempts_key', ['scope', 'key', 'attemptedAt'])
export class LoginAttempt extends Identified {
  @Column({ type: 'varchar', length: 8 })
  scope: 'email' | 'ip';

  @Column({ type: 'varchar', length: 254 })
  key: string;

  @Index('ix_login_attempts_at')
  @Column(TIMESTAMP)
  attemptedAt: Date;
}
