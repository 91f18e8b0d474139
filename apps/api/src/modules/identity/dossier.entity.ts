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
  // What documents that leave the building print (issue 13); absent in older dossiers.
  /** SARL, SAS, EURL, EI… */
  legalForm?: string | null;
  /** Share capital in cents. */
  shareCapitalCents?: number | null;
  /** "RCS Lyon" city, or the RM (répertoire des métiers) registration for craftsmen. */
  rcsCity?: string | null;
  rmNumber?: string | null;
  iban?: string | null;
  bic?: string | null;
  /** Late-payment penalty rate, percent per year as a decimal string ("10.15"). */
  latePenaltyRate?: string | null;
  /** Discount for early payment ("Pas d'escompte pour paiement anticipé" when empty). */
  discountTerms?: string | null;
  /** E-mail templates ({numero}, {client}, {montant}, {echeance}, {dossier}). */
  mailSubject?: string | null;
  mailBody?: string | null;
  reminderSubjects?: string[] | null;
  reminderBodies?: string[] | null;
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
