import { Column, Entity, Index } from 'typeorm';
import { bigintAsNumber, DossierOwned, TIMESTAMP } from '../../core/entity';

export enum SeatOrderStatus {
  PENDING_PAYMENT = 'PENDING_PAYMENT',
  PAID = 'PAID',
  CANCELLED = 'CANCELLED',
}

/**
 * Extra logins ordered in *Paramètres / Mon abonnement*. Prices are integer cents
 * excluding VAT, per seat and per month (900 = 9,00 € HT / month). The seats count
 * only once the order is PAID (the support team marks the transfer received).
 */
@Entity('seat_orders')
@Index('ix_seat_orders_dossier_created', ['dossierId', 'createdAt'])
export class SeatOrder extends DossierOwned {
  @Column({ type: 'int' })
  quantity: number;

  /** Price of one seat for one month, excl. VAT, in cents. */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  unitPriceCents: number;

  /** quantity × unitPriceCents: the monthly amount excl. VAT, in cents. */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  totalCents: number;

  /** totalCents plus VAT at 20 %, in cents: the amount to pay. */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  totalInclVatCents: number;

  @Column({ type: 'varchar', length: 20 })
  status: SeatOrderStatus;

  /** Code of the payment provider (`BANK_TRANSFER`). */
  @Column({ type: 'varchar', length: 30 })
  provider: string;

  /** What the customer quotes with the payment (transfer reference), unique. */
  @Index('uq_seat_orders_payment_reference', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  paymentReference: string;

  /** What the provider tells the customer to do (IBAN, amount, reference). */
  @Column({ type: 'text' })
  paymentInstructions: string;

  @Column({ type: 'varchar', length: 36 })
  orderedById: string;

  @Column({ ...TIMESTAMP, nullable: true })
  paidAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  markedPaidById: string | null;

  /** Reference of the payment as received (bank statement line), given by support. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  receivedReference: string | null;

  @Column({ ...TIMESTAMP, nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  cancelledById: string | null;
}
