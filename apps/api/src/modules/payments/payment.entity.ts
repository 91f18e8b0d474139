import { Column, Entity, Index } from 'typeorm';
import type { PaymentMethod } from '@comptoir/schema';
import { bigintAsNumber, DossierScoped, TIMESTAMP } from '../../core/entity';

/** A payment received for an issued invoice (partial or whole). Deleting one is recorded in history. */
@Entity('payments')
@Index('ix_payments_invoice', ['dossierId', 'invoiceId', 'date', 'id'])
export class Payment extends DossierScoped {
  @Column({ type: 'varchar', length: 36 })
  invoiceId: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amountCents: number;

  /** YYYY-MM-DD: when the money was received. */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'varchar', length: 20 })
  method: PaymentMethod;

  @Column({ type: 'varchar', length: 100, nullable: true })
  reference: string | null;

  @Column({ type: 'varchar', length: 36 })
  createdById: string;

  @Column(TIMESTAMP)
  createdAt: Date;
}
