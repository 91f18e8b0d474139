import { Column, Entity } from 'typeorm';
import { Plan } from '@comptoir/schema';
import { Timestamped } from '../../core/entity';

/** Invoicing settings of a dossier, kept as one JSON document. */
export interface DossierSettings {
  quotePrefix: string;
  invoicePrefix: string;
  creditNotePrefix: string;
  priceRequestPrefix: string;
  supplierOrderPrefix: string;
  defaultVatRate: number;
  paymentTermsDays: number;
  legalMentions: string;
}

export const DEFAULT_DOSSIER_SETTINGS: DossierSettings = {
  quotePrefix: 'DE',
  invoicePrefix: 'FA',
  creditNotePrefix: 'AV',
  priceRequestPrefix: 'DP',
  supplierOrderPrefix: 'CF',
  defaultVatRate: 20,
  paymentTermsDays: 30,
  legalMentions:
    'En cas de retard de paiement, pénalités au taux de trois fois le taux d’intérêt légal et indemnité forfaitaire de 40 € pour frais de recouvrement.',
};

/** A company file: legal identity, invoicing settings, plan and seats. */
@Entity('dossiers')
export class Dossier extends Timestamped {
  @Column({ type: 'varchar', length: 160 })
  name: string;

  @Column({ type: 'varchar', length: 14, nullable: true })
  siret: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  vatNumber: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  addressLine: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  postalCode: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  @Column({ type: 'varchar', length: 2, default: 'FR' })
  country: string;

  @Column({ type: 'simple-json' })
  settings: DossierSettings;

  @Column({ type: 'varchar', length: 12 })
  plan: Plan;

  /** Extra logins bought and paid for, on top of the plan's included seats. */
  @Column({ type: 'int', default: 0 })
  extraSeats: number;

  /** Optimistic version of the legal identity and settings (Paramètres / Dossier): a stale edit is refused. */
  @Column({ type: 'int', default: 1 })
  settingsVersion: number;
}
