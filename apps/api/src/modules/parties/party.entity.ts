import { Column, Entity, Index } from 'typeorm';
import type { PaymentTerms } from '@comptoir/schema';
import { TrackedRecord } from '../history/tracked.entity';

/** What customers and suppliers (tiers) have in common. */
export abstract class PartyRecord extends TrackedRecord {
  @Column({ type: 'varchar', length: 160 })
  legalName: string;

  /** 9 digits. */
  @Column({ type: 'varchar', length: 9, nullable: true })
  siren: string | null;

  /** 14 digits (SIREN + NIC). */
  @Column({ type: 'varchar', length: 14, nullable: true })
  siret: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  vatNumber: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  addressLine1: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  addressLine2: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  postalCode: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  @Column({ type: 'varchar', length: 2, default: 'FR' })
  country: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  contactName: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'int', default: 30 })
  paymentTermsDays: number;

  /** Named terms (45 jours fin de mois, …); when null, `paymentTermsDays` after issue. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  paymentTerms: PaymentTerms | null;

  /** Where invoices are sent (the contact's e-mail when null). */
  @Column({ type: 'varchar', length: 254, nullable: true })
  billingEmail: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;
}

@Entity('customers')
@Index('ix_customers_dossier_name', ['dossierId', 'legalName'])
export class Customer extends PartyRecord {}

@Entity('suppliers')
@Index('ix_suppliers_dossier_name', ['dossierId', 'legalName'])
export class Supplier extends PartyRecord {}
