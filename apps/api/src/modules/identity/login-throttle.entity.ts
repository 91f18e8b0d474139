import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../../core/entity';

/**
 * One throttle counter, kept in the database so that every API process sharing it
 * enforces the same limits. `scope` is `email` or `ip`; `key` the normalized e-mail
 * or the client address. `failures` counts failed (or in-flight) checks since the
 * counter last went quiet for a whole window; `lastAtMs` is when the last one was
 * counted (epoch milliseconds: an integer compares the same way on every dialect).
 * A counter is changed only by single conditional UPDATEs, so concurrent checks
 * cannot both read "4 failures" and both go on.
 */
@Entity('login_throttles')
export class LoginThrottle {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  scope: 'email' | 'ip';

  @PrimaryColumn({ type: 'varchar', length: 254 })
  key: string;

  @Column({ type: 'int', default: 0 })
  failures: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  lastAtMs: number;
}
