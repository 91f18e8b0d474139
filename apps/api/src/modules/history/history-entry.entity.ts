import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Identified, TIMESTAMP } from '../../core/entity';

/** What an entry is about. */
export enum HistoryEntityType {
  DOCUMENT = 'DOCUMENT',
  CUSTOMER = 'CUSTOMER',
  SUPPLIER = 'SUPPLIER',
  ARTICLE = 'ARTICLE',
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
  [HistoryEntryType.STATUS_CHANGED]: { from: string; to: string };
  [HistoryEntryType.ISSUED]: { number: string; from: string; to: string };
  [HistoryEntryType.SENT]: { from: string; to: string };
  [HistoryEntryType.CONVERTED]: { related: RelatedDocumentData };
  [HistoryEntryType.DUPLICATED]: { related: RelatedDocumentData };
  [HistoryEntryType.DELETED]: { label: string; number: string | null };
}

export type HistoryData = HistoryDataByType[HistoryEntryType];

/**
 * Append-only, hash-chained log of what happened in a dossier (SPEC.md, "Who did
 * what, and when"). `hash` = SHA-256(previousHash + canonical JSON of the entry's
 * content); `sequence` is gapless per dossier.
 */
@Entity('history_entries')
@Index('uq_history_dossier_sequence', ['dossierId', 'sequence'], { unique: true })
@Index('ix_history_entity', ['dossierId', 'entityType', 'entityId'])
@Index('ix_history_document', ['dossierId', 'documentId'])
export class HistoryEntry extends Identified {
  @Column({ type: 'varchar', length: 36 })
  dossierId: string;

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

/** The head of a dossier's chain, locked (FOR UPDATE) by every writer so the chain stays linear. */
@Entity('history_chain_heads')
export class HistoryChainHead {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  dossierId: string;

  @Column({ type: 'int', default: 0 })
  lastSequence: number;

  @Column({ type: 'varchar', length: 64 })
  lastHash: string;
}
