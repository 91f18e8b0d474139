import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Profile } from '@comptoir/schema';
import { Timestamped } from '../../core/entity';
import { Dossier } from './dossier.entity';
import { User } from './user.entity';

/** A user in a dossier, with exactly one profile. */
@Entity('memberships')
@Index('uq_memberships_user_dossier', ['userId', 'dossierId'], { unique: true })
export class Membership extends Timestamped {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Index('ix_memberships_dossier')
  @Column({ type: 'varchar', length: 36 })
  dossierId: string;

  @Column({ type: 'varchar', length: 12 })
  profile: Profile;

  /** The login that signed the dossier up; it cannot be removed. */
  @Column({ type: 'boolean', default: false })
  isPrincipal: boolean;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @ManyToOne(() => Dossier, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dossierId' })
  dossier?: Dossier;
}
