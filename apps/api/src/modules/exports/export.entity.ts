import { Column, Entity, Index } from 'typeorm';
import { DossierOwned, TIMESTAMP } from '../../core/entity';
import { Document } from '../documents/document.entity';

/**
 * The exports read documents in keyset order (date, id) within a dossier; this
 * index serves that order, so every batch is an index range scan, not a sort.
 * Declared here because the query needing it lives here (documents owner: move it
 * next to the other indexes of `Document` whenever convenient).
 */
Index('ix_documents_dossier_date_id', ['dossierId', 'date', 'id'])(Document);

export enum ExportKind {
  DOCUMENTS = 'DOCUMENTS',
  ACTION_SUMMARY = 'ACTION_SUMMARY',
}

export enum ExportFormat {
  XLSX = 'XLSX',
  CSV = 'CSV',
}

export enum ExportStatus {
  /** Started from the SPA (progress and cancel), not downloaded yet. */
  PENDING = 'PENDING',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  FAILED = 'FAILED',
}

/** The filters of a document export, as validated (what the log and the Paramètres sheet record). */
export interface ExportFilterValues {
  types: string[];
  statuses: string[];
  from: string | null;
  to: string | null;
  partyId: string | null;
  createdById: string | null;
  updatedById: string | null;
}

/**
 * A named choice of columns (Paramètres panel): private to its owner, or shared
 * with everyone of the dossier who exports.
 */
@Entity('export_presets')
@Index('ix_export_presets_dossier_owner', ['dossierId', 'ownerId'])
export class ExportPreset extends DossierOwned {
  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'simple-json' })
  columns: string[];

  @Column({ type: 'boolean', default: false })
  shared: boolean;

  @Column({ type: 'varchar', length: 36 })
  ownerId: string;
}

/**
 * One export: the log line listed on the page and, while it runs, the job whose
 * progress the SPA polls and whose cancellation the writer checks between batches.
 * Kept in the database so any API process can serve, follow or cancel it.
 */
@Entity('export_logs')
@Index('ix_export_logs_dossier_created', ['dossierId', 'createdAt'])
export class ExportLog extends DossierOwned {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: ExportKind;

  @Column({ type: 'varchar', length: 10 })
  format: ExportFormat;

  @Column({ type: 'simple-json' })
  filters: Partial<ExportFilterValues>;

  @Column({ type: 'simple-json' })
  columns: string[];

  @Column({ type: 'varchar', length: 20 })
  status: ExportStatus;

  @Column({ type: 'int', nullable: true })
  totalRows: number | null;

  @Column({ type: 'int', default: 0 })
  rowsWritten: number;

  @Column({ type: 'boolean', default: false })
  cancelRequested: boolean;

  @Column({ ...TIMESTAMP, nullable: true })
  startedAt: Date | null;

  @Column({ ...TIMESTAMP, nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  durationMs: number | null;

  @Column({ type: 'varchar', length: 120 })
  fileName: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;
}
