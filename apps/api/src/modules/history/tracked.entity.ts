import { Column } from 'typeorm';
import { DossierOwned } from '../../core/entity';

/**
 * An editable record of a dossier: who created it, who changed it last, and an
 * optimistic-locking `version` bumped by every change (a stale version is a CONFLICT).
 */
export abstract class TrackedRecord extends DossierOwned {
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'varchar', length: 36 })
  createdById: string;

  @Column({ type: 'varchar', length: 36 })
  updatedById: string;
}
