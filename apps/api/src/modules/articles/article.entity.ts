import { Column, Entity, Index } from 'typeorm';
import { ArticleKind } from '@comptoir/schema';
import { bigintAsNumber } from '../../core/entity';
import { TrackedRecord } from '../history/tracked.entity';

/** A product or service sold and/or bought. */
@Entity('articles')
@Index('uq_articles_dossier_reference', ['dossierId', 'reference'], { unique: true })
export class Article extends TrackedRecord {
  @Column({ type: 'varchar', length: 40 })
  reference: string;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ type: 'varchar', length: 20, default: 'u' })
  unit: string;

  /** Excl. VAT, cents. */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  salePriceCents: number;

  /** Excl. VAT, cents; hidden from COMMERCIAL. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber })
  purchasePriceCents: number | null;

  /** Basis points: 2000 = 20 %. */
  @Column({ type: 'int' })
  vatRateBp: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Goods or services: picks the revenue account of its sales (707 / 706). */
  @Column({ type: 'varchar', length: 10, default: ArticleKind.SERVICES })
  kind: ArticleKind;
}
