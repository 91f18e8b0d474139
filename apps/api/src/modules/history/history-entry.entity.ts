import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DossierScoped, TIMESTAMP } from '../../core/entity';

/** What an entry is about. */
export enum HistoryEntityType {
  DOCUMENT = 'DOCUMENT',
  CUSTOMER = 'CUSTOMER',
  SUPPLIER = 'SUPPLIER',
  ARTICLE = 'ARTICLE',
  SUPPORT_REQUEST = 'SUPPORT_REQUEST',
}

export enum HistoryEntryType {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  ISSUED = 'ISSUED',
  SENT = 'SENT',
  CONVERTED = 'CONVERTED',
  DUPLICATED = 'DUPLICATED',
  DELETED = 'DELETED',
  /** Support request: taken in charge by a support agent (`label`: the agent's name). */
  ASSIGNED = 'ASSIGNED',
  /** Support request: processing refused, nothing applied (`label`: why). */
  PROCESSING_FAILED = 'PROCESSING_FAILED',
  /** Invoice: a payment recorded (`label`: method and amount). */
  PAYMENT_RECORDED = 'PAYMENT_RECORDED',
  /** Invoice: a payment deleted (OWNER/ADV). */
  PAYMENT_DELETED = 'PAYMENT_DELETED',
  /** The PDF of an issued document, stored once (`sha256`). */
  PDF_STORED = 'PDF_STORED',
  /** Sent by e-mail (`label`: recipients, `messageId`). */
  MAILED = 'MAILED',
  /** Payment reminder sent (`level` 1, 2, 3 = mise en demeure). */
  REMINDED = 'REMINDED',
  /** Document: included in an accounting batch, collected by the accountant (`label`: what, in French). */
  ACCOUNTING = 'ACCOUNTING',
}

/** A payment as history keeps it. */
export interface PaymentData {
  label: string;
  paymentId: string;
  amountCents: number;
  method: string;
  date: string;
  reference: string | null;
}

/** One changed field: values are display strings (amounts in cents, quantities as decimals). */
export interface FieldChangeData {
  field: string;
  before: string | null;
  after: string | null;
}

/** Direction of a link between two documents, seen from the entry's document. */
export type RelationDirection = 'FROM' | 'TO';

export interface RelatedDocumentData {
  direction: RelationDirection;
  documentId: string;
  documentType: string;
  number: string | null;
}

/** The typed payload of each entry type (stored as JSON in `data`). */
export interface HistoryDataByType {
  [HistoryEntryType.CREATED]: { label: string; number?: string | null; from?: RelatedDocumentData };
  [HistoryEntryType.UPDATED]: { changes: FieldChangeData[] };
  /** Support requests add the rejection reason (`label`) or the change applied (`changes`). */
  [HistoryEntryType.STATUS_CHANGED]: { from: string; to: string; label?: string; changes?: FieldChangeData[] };
  [HistoryEntryType.ISSUED]: { number: string; from: string; to: string };
  [HistoryEntryType.SENT]: { from: string; to: string };
  [HistoryEntryType.CONVERTED]: { related: RelatedDocumentData };
  [HistoryEntryType.DUPLICATED]: { related: RelatedDocumentData };
  [HistoryEntryType.DELETED]: { label: string; number: string | null };
  [HistoryEntryType.ASSIGNED]: { label: string };
  [HistoryEntryType.PROCESSING_FAILED]: { label: string; reason: string | null };
  [HistoryEntryType.PAYMENT_RECORDED]: PaymentData;
  [HistoryEntryType.PAYMENT_DELETED]: PaymentData;
  [HistoryEntryType.PDF_STORED]: { label: string; sha256: string; bytes: number };
  [HistoryEntryType.MAILED]: { label: string; messageId: string; subject: string };
  [HistoryEntryType.REMINDED]: { label: string; messageId: string; subject: string; level: number };
  [HistoryEntryType.ACCOUNTING]: { label: string; batchNumber: number };
}

export type HistoryData = HistoryDataByType[HistoryEntryType];

/**
 * Append-only, hash-chained log of what happened in a dossier (SPEC.md, "Who did
 * what, and when"). `hash` = HMAC-SHA256(HISTORY_KEY, previousHash + RFC 8785
 * canonical JSON of the entry's content): without the key, nobody who can write the
 * database can recompute the chain. `sequence` is gapless per dossier.
 */
@Entity('history_entries')
@Index('uq_history_dossier_sequence', ['dossierId', 'sequence'], { unique: true })
@Index('ix_history_entity', ['dossierId', 'entityType', 'entityId'])
// Covers the export's per-batch GROUP BY (documents × user × type): read from the index alone,
// without visiting each entry's row (issue 14: history columns at the speed of the others).
@Index('ix_history_document', ['dossierId', 'documentId', 'entityType', 'userId', 'type', 'sequence'])
export class HistoryEntry extends DossierScoped {
  @Column({ type: 'int' })
  sequence: number;

  @Column({ type: 'varchar', length: 20 })
  entityType: HistoryEntityType;

  @Column({ type: 'varchar', length: 36 })
  entityId: string;

  /** The document the entry concerns (also set for entries of a document). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  documentId: string | null;

  @Column({ type: 'varchar', length: 20 })
  type: HistoryEntryType;

  /**
   * JSON: LONGTEXT on MariaDB, native JSON on MySQL, TEXT on SQLite, so an edit at
   * the documented input limits (500 lines of 2,000 characters, before and after)
   * fits everywhere; MySQL's 64 KB TEXT (what `simple-json` maps to) did not.
   */
  @Column({ type: 'json' })
  data: HistoryData;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column(TIMESTAMP)
  createdAt: Date;

  @Column({ type: 'varchar', length: 64 })
  previousHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}

/**
 * The head of a dossier's chain, locked (FOR UPDATE) by every writer so the chain
 * stays linear. `lastDigest` is the plain (unkeyed) SHA-256 running digest of the
 * entries' content, what signed checkpoints cover so that an auditor can check
 * them with the public key alone; `seal` is an HMAC (HISTORY_KEY) over the head,
 * so rolling the head back after deleting the last entries shows.
 */
@Entity('history_chain_heads')
export class HistoryChainHead {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  dossierId: string;

  @Column({ type: 'int', default: 0 })
  lastSequence: number;

  @Column({ type: 'varchar', length: 64 })
  lastHash: string;

  @Column({ type: 'varchar', length: 64, default: '' })
  lastDigest: string;

  @Column({ type: 'varchar', length: 64, default: '' })
  seal: string;
}

/**
 * A signed checkpoint: the Ed25519 signature (HISTORY_SIGNING_KEY) of
 * `{ dossierId, sequence, hash, digest, createdAt }` in RFC 8785 canonical JSON.
 * Recorded every HISTORY_CHECKPOINT_EVERY entries of a dossier and on demand
 * (`history:checkpoint`). An auditor verifies it offline with the public key.
 */
@Entity('history_checkpoints')
@Index('uq_history_checkpoint', ['dossierId', 'sequence'], { unique: true })
export class HistoryCheckpoint extends DossierScoped {
  @Column({ type: 'int' })
  sequence: number;

  /** The (HMAC) hash of entry `sequence`. */
  @Column({ type: 'varchar', length: 64 })
  hash: string;

  /** The plain SHA-256 running digest of entries 1…sequence. */
  @Column({ type: 'varchar', length: 64 })
  digest: string;

  @Column(TIMESTAMP)
  createdAt: Date;

  /** SHA-256 of the public key (SPKI DER), first 16 hex: which key signed. */
  @Column({ type: 'varchar', length: 16 })
  keyId: string;

  /** Ed25519 signature, base64. */
  @Column({ type: 'varchar', length: 100 })
  signature: string;
}
