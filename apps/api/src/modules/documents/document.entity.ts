import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DocumentStatus, DocumentType, type VatExemption } from '@comptoir/schema';
import { bigintAsNumber, DossierScoped, TIMESTAMP } from '../../core/entity';
import { TrackedRecord } from '../history/tracked.entity';
import type { VatAmount } from '../../core/money';

/** The shared status enum (`@comptoir/schema`), re-exported for the module's imports. */
export { DocumentStatus };

/** A quote, invoice, credit note, price request or supplier order (pièce). */
@Entity('documents')
// A legal number is unique in its dossier whatever the type (two types may not share one).
@Index('uq_documents_number', ['dossierId', 'number'], { unique: true })
@Index('ix_documents_dossier_type_date', ['dossierId', 'type', 'date', 'id'])
@Index('ix_documents_source', ['dossierId', 'sourceDocumentId'])
// One index per filter and sort the lists offer, led by the dossier, so a page costs an
// index range whatever the dossier's size (issue 14; checked by EXPLAIN in the MariaDB tests).
@Index('ix_documents_party', ['dossierId', 'type', 'partyId', 'date', 'id'])
@Index('ix_documents_created_by', ['dossierId', 'type', 'createdById', 'date', 'id'])
@Index('ix_documents_updated_by', ['dossierId', 'type', 'updatedById', 'date', 'id'])
@Index('ix_documents_status', ['dossierId', 'type', 'status', 'date', 'id'])
@Index('ix_documents_type_number', ['dossierId', 'type', 'number', 'id'])
@Index('ix_documents_type_total', ['dossierId', 'type', 'totalInclVatCents', 'id'])
@Index('ix_documents_type_party_name', ['dossierId', 'type', 'partyName', 'id'])
@Index('ix_documents_type_created', ['dossierId', 'type', 'createdAt', 'id'])
@Index('ix_documents_type_updated', ['dossierId', 'type', 'updatedAt', 'id'])
export class Document extends TrackedRecord {
  @Column({ type: 'varchar', length: 20 })
  type: DocumentType;

  @Column({ type: 'varchar', length: 20 })
  status: DocumentStatus;

  /** e.g. FA-2026-00042; null for invoice and credit-note drafts. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  number: string | null;

  @Column({ type: 'int', nullable: true })
  numberYear: number | null;

  @Column({ type: 'int', nullable: true })
  numberSequence: number | null;

  /** Document date, YYYY-MM-DD (UTC): creation, or issue for invoices and credit notes. */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  /** Quote validity / invoice due date / expected delivery, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  dueDate: string | null;

  /** Customer (sales) or supplier (purchases). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  partyId: string | null;

  /** The party's legal name when last saved (sort, search, and what the document says). */
  @Column({ type: 'varchar', length: 160, default: '' })
  partyName: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  subject: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  totalExclVatCents: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  totalVatCents: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  totalInclVatCents: number;

  @Column({ type: 'simple-json' })
  vatBreakdown: VatAmount[];

  @Column({ type: 'int', default: 0 })
  lineCount: number;

  /** The document this one was converted from (quote → invoice, …, invoice → credit note). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  sourceDocumentId: string | null;

  @Column({ ...TIMESTAMP, nullable: true })
  issuedAt: Date | null;

  // The history's user-action facts of this document (history/document-action-facts.ts), on its
  // own row so that the export reads them with it, without a join (issue 14). A projection of
  // the history entries, written only by `recordHistory` with its own UPDATE: never read by the
  // entity's ordinary loads (nor shown by GraphQL), never written by TypeORM's inserts and saves
  // (a stale copy in a loaded entity could otherwise overwrite them), and moving neither
  // `version` nor `updatedAt`.

  /** Entries of MODIFICATION_TYPES about this document. */
  @Column({ type: 'int', default: 0, select: false, insert: false, update: false })
  actionModificationCount?: number;

  /** Who issued it (its last ISSUED entry). */
  @Column({ type: 'varchar', length: 36, nullable: true, select: false, insert: false, update: false })
  actionIssuedById?: string | null;

  /**
   * Its users and their number of entries, in order of first entry (`encodeUserActions`), or
   * `USER_ACTIONS_OVERFLOW` when they do not fit (the export then counts them from the entries).
   * VARCHAR, not TEXT: MariaDB's filesort carries a VARCHAR in its sort rows, but sorts a TEXT
   * row by key and row id and reads every row again.
   */
  @Column({ type: 'varchar', length: 2000, default: '', select: false, insert: false, update: false })
  actionUsers?: string;
}

/** One line of a document; rows of an issued invoice or credit note are frozen by triggers. */
@Entity('document_lines')
@Index('ix_document_lines_document', ['dossierId', 'documentId', 'position'])
export class DocumentLine extends DossierScoped {
  @Column({ type: 'varchar', length: 36 })
  documentId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  articleId: string | null;

  @Column({ type: 'text' })
  description: string;

  /** Thousandths of a unit. */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  quantityMilli: number;

  @Column({ type: 'varchar', length: 20 })
  unit: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  unitPriceCents: number;

  /** Basis points of a percent: 1250 = 12.5 %. */
  @Column({ type: 'int', default: 0 })
  discountBp: number;

  @Column({ type: 'int' })
  vatRateBp: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  totalExclVatCents: number;

  /** Credit-note line: the invoice line it credits. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  sourceLineId: string | null;

  /** A 0 % line: why no VAT (the invoice prints its mention). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  vatExemption: VatExemption | null;
}

/** Last number given per dossier, type and year; locked FOR UPDATE while numbering. */
@Entity('document_counters')
export class DocumentCounter {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  dossierId: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  type: DocumentType;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int', default: 0 })
  lastNumber: number;
}
