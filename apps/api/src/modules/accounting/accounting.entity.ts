import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AccountingBatchStatus, AccountingJournalKind } from '@comptoir/schema';
import { bigintAsNumber, DossierOwned, DossierScoped, TIMESTAMP } from '../../core/entity';

export { AccountingBatchStatus, AccountingJournalKind };

/** The dossier's chart of accounts and journals (Paramètres / Comptabilité); one row per dossier. */
@Entity('accounting_settings')
@Index('uq_accounting_settings_dossier', ['dossierId'], { unique: true })
export class AccountingSettings extends DossierOwned {
  /** 9 digits (Luhn); names the FEC file. Null: the dossier's SIRET's first 9 digits. */
  @Column({ type: 'varchar', length: 9, nullable: true })
  siren: string | null;

  @Column({ type: 'varchar', length: 6 })
  salesJournalCode: string;

  @Column({ type: 'varchar', length: 40 })
  salesJournalName: string;

  @Column({ type: 'varchar', length: 6 })
  bankJournalCode: string;

  @Column({ type: 'varchar', length: 40 })
  bankJournalName: string;

  /** Collective customer account (411000); each customer's auxiliary account is 411 + its code. */
  @Column({ type: 'varchar', length: 12 })
  customerAccount: string;

  @Column({ type: 'varchar', length: 12 })
  bankAccount: string;

  @Column({ type: 'varchar', length: 12 })
  goodsRevenueAccount: string;

  @Column({ type: 'varchar', length: 12 })
  servicesRevenueAccount: string;

  @Column({ type: 'varchar', length: 12 })
  vatAccount20: string;

  @Column({ type: 'varchar', length: 12 })
  vatAccount10: string;

  @Column({ type: 'varchar', length: 12 })
  vatAccount55: string;

  @Column({ type: 'varchar', length: 12 })
  vatAccount21: string;

  @Column({ type: 'int', default: 1 })
  version: number;
}

/** A customer's auxiliary code (411 + code); editable until an entry uses it. */
@Entity('customer_accounts')
@Index('uq_customer_accounts_customer', ['dossierId', 'customerId'], { unique: true })
@Index('uq_customer_accounts_code', ['dossierId', 'code'], { unique: true })
export class CustomerAccount extends DossierOwned {
  @Column({ type: 'varchar', length: 36 })
  customerId: string;

  @Column({ type: 'varchar', length: 14 })
  code: string;

  /** Set by the first entry on the account: the code is frozen from then on. */
  @Column({ ...TIMESTAMP, nullable: true })
  usedAt: Date | null;
}

/**
 * A balanced accounting entry (écriture): immutable once written (the API never
 * updates it, triggers refuse any UPDATE or DELETE). Its batch is the one whose
 * period holds `entryDate`.
 */
@Entity('accounting_entries')
@Index('uq_accounting_entries_journal_number', ['dossierId', 'journalCode', 'number'], { unique: true })
@Index('ix_accounting_entries_date', ['dossierId', 'entryDate', 'validatedAt', 'id'])
@Index('ix_accounting_entries_document', ['dossierId', 'documentId'])
export class AccountingEntry extends DossierScoped {
  @Column({ type: 'varchar', length: 10 })
  journalKind: AccountingJournalKind;

  @Column({ type: 'varchar', length: 6 })
  journalCode: string;

  @Column({ type: 'varchar', length: 40 })
  journalName: string;

  /** EcritureNum: continuous per dossier and journal, in order of validation. */
  @Column({ type: 'int' })
  number: number;

  /** EcritureDate, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  entryDate: string;

  /** The invoice or credit note (sales), or the invoice paid (bank). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  documentId: string | null;

  /** PieceRef. */
  @Column({ type: 'varchar', length: 40 })
  pieceRef: string;

  /** PieceDate, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  pieceDate: string;

  /** EcritureLib. */
  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  totalDebitCents: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  totalCreditCents: number;

  /** ValidDate: when the entry was written (at issue). */
  @Column(TIMESTAMP)
  validatedAt: Date;

  @Column({ type: 'varchar', length: 36 })
  createdById: string;
}

/** One line of an entry: a debit or a credit on one account. */
@Entity('accounting_entry_lines')
@Index('ix_accounting_entry_lines_entry', ['dossierId', 'entryId', 'position'])
export class AccountingEntryLine extends DossierScoped {
  @Column({ type: 'varchar', length: 36 })
  entryId: string;

  @Column({ type: 'int' })
  position: number;

  /** CompteNum. */
  @Column({ type: 'varchar', length: 12 })
  accountNumber: string;

  /** CompteLib. */
  @Column({ type: 'varchar', length: 100 })
  accountLabel: string;

  /** CompAuxNum (customer lines): 411 + the customer's code. */
  @Column({ type: 'varchar', length: 17, nullable: true })
  auxiliaryAccount: string | null;

  /** CompAuxLib. */
  @Column({ type: 'varchar', length: 160, nullable: true })
  auxiliaryLabel: string | null;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  debitCents: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  creditCents: number;

  /** Revenue and VAT lines: their VAT rate (basis points). */
  @Column({ type: 'int', nullable: true })
  vatRateBp: number | null;
}

/** A batch of entries (lot d'écritures): the entries dated inside its period. */
@Entity('accounting_batches')
@Index('uq_accounting_batches_number', ['dossierId', 'number'], { unique: true })
@Index('uq_accounting_batches_start', ['dossierId', 'periodStart'], { unique: true })
export class AccountingBatch extends DossierOwned {
  /** n° N, continuous per dossier, given at creation. */
  @Column({ type: 'int' })
  number: number;

  /** First and last day, YYYY-MM-DD (a month by default; cut shorter by the accountant). */
  @Column({ type: 'varchar', length: 10 })
  periodStart: string;

  @Column({ type: 'varchar', length: 10 })
  periodEnd: string;

  @Column({ type: 'varchar', length: 12 })
  status: AccountingBatchStatus;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  collectedById: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  collectedByName: string | null;

  @Column({ ...TIMESTAMP, nullable: true })
  collectedAt: Date | null;
}

/**
 * What the `accounting.batch` job made of a collected batch, written in the
 * transaction that writes its effect (the « Inclus dans le lot » history of each
 * document): its presence says the job is done, so a second run does nothing. The
 * FEC as collected is kept here (any node serves it); null without a SIREN.
 */
@Entity('accounting_batch_files')
@Index('uq_accounting_batch_files_batch', ['dossierId', 'batchId'], { unique: true })
export class AccountingBatchFile extends DossierScoped {
  @Column({ type: 'varchar', length: 36 })
  batchId: string;

  @Column({ type: 'int' })
  documentCount: number;

  @Column({ type: 'int' })
  entryCount: number;

  @Column({ type: 'varchar', length: 40, nullable: true })
  fecFileName: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  fecSha256: string | null;

  /** The FEC text (UTF-8); a JSON column like the stored PDFs: no 64 KB limit on any database. */
  @Column({ type: 'json', nullable: true })
  fecContent: string | null;

  @Column(TIMESTAMP)
  createdAt: Date;
}

/**
 * Per dossier counters (`BATCH`, `JOURNAL:<code>`). The `BATCH` row is locked first
 * by every accounting write (posting, cut, collect), so they run one at a time per
 * dossier and a collect never interleaves with an issue.
 */
@Entity('accounting_counters')
export class AccountingCounter {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  dossierId: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  name: string;

  @Column({ type: 'int', default: 0 })
  lastNumber: number;
}
