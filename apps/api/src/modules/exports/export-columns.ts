import { statusLabel, typeLabel, type Profile } from '@comptoir/schema';
import { PROFILES } from '../../core/auth/policy';

/** Who may use STATS / Exports avancés: the GraphQL fields and the download endpoints share it. */
export const EXPORTERS: readonly Profile[] = PROFILES.management;

export type ExportCellType = 'text' | 'date' | 'datetime' | 'money' | 'integer';

/** Where a column's value comes from; decides which loaders an export runs per batch. */
export type ExportColumnSource =
  /** A column of the document row itself. */
  | 'document'
  /** The document's source document (LEFT JOIN). */
  | 'source'
  /** A user name looked up by id (user loader per batch). */
  | 'user'
  /** Aggregated from history entries (one GROUP BY per batch). */
  | 'history';

/** One document of an export, as read from the database plus what the batch loaders add. */
export interface ExportDocumentRow {
  id: string;
  type: string;
  number: string | null;
  date: string;
  status: string;
  partyName: string;
  totalExclVatCents: number;
  totalVatCents: number;
  totalInclVatCents: number;
  dueDate: string | null;
  sourceNumber: string | null;
  createdById: string;
  createdAt: Date;
  updatedById: string;
  updatedAt: Date;
  issuedAt: Date | null;
  /** The history's facts (document-action-facts, on the document's row), read when a history column is selected. */
  issuedById?: string | null;
  /** The facts' `actionUsers` as stored (`encodeUserActions` text of `UserActions[]`). */
  actionsText?: string | null;
  // Filled by the batch loaders, when a selected column needs them.
  createdByName?: string | null;
  updatedByName?: string | null;
  issuedByName?: string | null;
  modificationCount?: number;
  touchedBy?: string | null;
  actionsByUser?: string | null;
}

/** A cell value before formatting: dates are `YYYY-MM-DD`, instants Dates, money integer cents. */
export type CellValue = string | number | Date | null;

export interface ExportColumnDef {
  key: string;
  labelFr: string;
  labelEn: string;
  type: ExportCellType;
  group: 'DOCUMENT' | 'USER_ACTION';
  source: ExportColumnSource;
  /** Profiles that may export this column (all the exporters today; narrower for sensitive columns). */
  profiles: readonly Profile[];
  /** Width in the .xlsx, in characters. */
  width: number;
  /** Ticked in a new Paramètres panel. */
  defaultSelected: boolean;
  descriptionEn: string;
  value(row: ExportDocumentRow): CellValue;
}

const col = (def: Omit<ExportColumnDef, 'profiles' | 'defaultSelected'> & { defaultSelected?: boolean; profiles?: readonly Profile[] }): ExportColumnDef => ({
  profiles: EXPORTERS,
  defaultSelected: false,
  ...def,
});

/** The catalogue: every exportable column, declared once (API, Paramètres panel, writers). */
export const EXPORT_COLUMNS: readonly ExportColumnDef[] = [
  col({ key: 'type', labelFr: 'Type', labelEn: 'Type', type: 'text', group: 'DOCUMENT', source: 'document', width: 20, defaultSelected: true, descriptionEn: 'Document type', value: (r) => typeLabel(r.type) }),
  col({ key: 'number', labelFr: 'Numéro', labelEn: 'Number', type: 'text', group: 'DOCUMENT', source: 'document', width: 18, defaultSelected: true, descriptionEn: 'Document number (empty for drafts of invoices and credit notes)', value: (r) => r.number }),
  col({ key: 'date', labelFr: 'Date', labelEn: 'Date', type: 'date', group: 'DOCUMENT', source: 'document', width: 12, defaultSelected: true, descriptionEn: 'Document date', value: (r) => r.date }),
  col({ key: 'status', labelFr: 'Statut', labelEn: 'Status', type: 'text', group: 'DOCUMENT', source: 'document', width: 14, defaultSelected: true, descriptionEn: 'Status', value: (r) => statusLabel(r.type, r.status) }),
  col({ key: 'partyName', labelFr: 'Tiers', labelEn: 'Customer / supplier', type: 'text', group: 'DOCUMENT', source: 'document', width: 32, defaultSelected: true, descriptionEn: 'Customer or supplier name on the document', value: (r) => r.partyName || null }),
  col({ key: 'totalExclVat', labelFr: 'Total HT', labelEn: 'Total excl. VAT', type: 'money', group: 'DOCUMENT', source: 'document', width: 14, defaultSelected: true, descriptionEn: 'Total excluding VAT, euros', value: (r) => r.totalExclVatCents }),
  col({ key: 'totalVat', labelFr: 'TVA', labelEn: 'VAT', type: 'money', group: 'DOCUMENT', source: 'document', width: 12, defaultSelected: false, descriptionEn: 'VAT, euros', value: (r) => r.totalVatCents }),
  col({ key: 'totalInclVat', labelFr: 'Total TTC', labelEn: 'Total incl. VAT', type: 'money', group: 'DOCUMENT', source: 'document', width: 14, defaultSelected: true, descriptionEn: 'Total including VAT, euros', value: (r) => r.totalInclVatCents }),
  col({ key: 'dueDate', labelFr: 'Échéance', labelEn: 'Due date', type: 'date', group: 'DOCUMENT', source: 'document', width: 12, descriptionEn: 'Due date (invoices), validity (quotes), expected delivery (orders)', value: (r) => r.dueDate }),
  col({ key: 'sourceNumber', labelFr: 'Pièce d’origine', labelEn: 'Linked document', type: 'text', group: 'DOCUMENT', source: 'source', width: 18, descriptionEn: 'Number of the document this one was converted from', value: (r) => r.sourceNumber }),
  col({ key: 'createdBy', labelFr: 'Créé par', labelEn: 'Created by', type: 'text', group: 'USER_ACTION', source: 'user', width: 22, defaultSelected: true, descriptionEn: 'User who created the document', value: (r) => r.createdByName ?? null }),
  col({ key: 'createdAt', labelFr: 'Créé le', labelEn: 'Created at', type: 'datetime', group: 'USER_ACTION', source: 'document', width: 17, descriptionEn: 'Creation time (Paris time)', value: (r) => r.createdAt }),
  col({ key: 'updatedBy', labelFr: 'Modifié par', labelEn: 'Last modified by', type: 'text', group: 'USER_ACTION', source: 'user', width: 22, defaultSelected: true, descriptionEn: 'User who last modified the document', value: (r) => r.updatedByName ?? null }),
  col({ key: 'updatedAt', labelFr: 'Modifié le', labelEn: 'Last modified at', type: 'datetime', group: 'USER_ACTION', source: 'document', width: 17, descriptionEn: 'Time of the last modification (Paris time)', value: (r) => r.updatedAt }),
  col({ key: 'issuedBy', labelFr: 'Émis par', labelEn: 'Issued by', type: 'text', group: 'USER_ACTION', source: 'history', width: 22, descriptionEn: 'User who issued the invoice or credit note', value: (r) => r.issuedByName ?? null }),
  col({ key: 'issuedAt', labelFr: 'Émis le', labelEn: 'Issued at', type: 'datetime', group: 'USER_ACTION', source: 'document', width: 17, descriptionEn: 'Time of issue (Paris time)', value: (r) => r.issuedAt }),
  col({ key: 'modificationCount', labelFr: 'Nombre de modifications', labelEn: 'Number of modifications', type: 'integer', group: 'USER_ACTION', source: 'history', width: 12, descriptionEn: 'Changes after creation: edits, status changes, sending, issue', value: (r) => r.modificationCount ?? 0 }),
  col({ key: 'touchedBy', labelFr: 'Utilisateurs intervenus', labelEn: 'Users who touched it', type: 'text', group: 'USER_ACTION', source: 'history', width: 32, descriptionEn: 'Every user with an action on the document, in order of first action', value: (r) => r.touchedBy ?? null }),
  col({ key: 'actionsByUser', labelFr: 'Actions par utilisateur', labelEn: 'Actions per user', type: 'text', group: 'USER_ACTION', source: 'history', width: 40, descriptionEn: 'Number of actions of each user on the document', value: (r) => r.actionsByUser ?? null }),
];

export const COLUMN_BY_KEY: ReadonlyMap<string, ExportColumnDef> = new Map(EXPORT_COLUMNS.map((c) => [c.key, c]));

export const DEFAULT_COLUMNS: readonly string[] = EXPORT_COLUMNS.filter((c) => c.defaultSelected).map((c) => c.key);

/** The 12 columns of the benchmark (document fields and who created / changed them, when). */
export const BENCH_COLUMNS: readonly string[] = [
  'type', 'number', 'date', 'status', 'partyName', 'totalExclVat', 'totalVat', 'totalInclVat', 'createdBy', 'createdAt', 'updatedBy', 'updatedAt',
];
