import { z } from 'zod';
import { DocumentStatus, DocumentType } from '../enums';
import { cursor, first, id, optionalLocalDate, requiredText } from './fields';
import { MAX_PAGE_SIZE, periodInOrder } from './documents';

export const EXPORT_FORMATS = ['CSV', 'XLSX'] as const;
/** Columns one export may list (their keys are checked by the API's catalogue). */
export const MAX_EXPORT_COLUMNS = 40;
export const EXPORT_PREVIEW_MAX = 100;

const columns = () =>
  z
    .array(z.string().max(60, { error: 'Unknown column' }), { error: 'Required' })
    .min(1, { error: 'Choose at least one column' })
    .max(MAX_EXPORT_COLUMNS, { error: `At most ${MAX_EXPORT_COLUMNS} columns` });

export const ExportFilterInputSchema = z
  .object({
    types: z.array(z.enum(DocumentType)).nullish(),
    statuses: z.array(z.enum(DocumentStatus)).nullish(),
    partyId: id().nullish(),
    createdById: id().nullish(),
    updatedById: id().nullish(),
    from: optionalLocalDate(),
    to: optionalLocalDate(),
  })
  .superRefine(periodInOrder('from', 'to'));

/** `startDocumentsExport`: Liste des pièces. */
export const DocumentsExportInputSchema = z.object({
  columns: columns(),
  filter: ExportFilterInputSchema.nullish(),
  format: z.enum(EXPORT_FORMATS),
});

/** `startActionSummaryExport`: Récapitulatif des actions. */
export const ActionSummaryExportInputSchema = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    from: optionalLocalDate(),
    to: optionalLocalDate(),
  })
  .superRefine(periodInOrder('from', 'to'));

/** `saveExportPreset`: a named choice of columns. */
export const ExportPresetInputSchema = z.object({
  name: requiredText(80),
  columns: columns(),
  shared: z.boolean(),
});

export const ExportArgsSchemas = {
  startDocumentsExport: z.object({ input: DocumentsExportInputSchema }),
  startActionSummaryExport: z.object({ input: ActionSummaryExportInputSchema }),
  saveExportPreset: z.object({ input: ExportPresetInputSchema }),
  deleteExportPreset: z.object({ id: id() }),
  cancelExport: z.object({ id: id() }),
  exportJob: z.object({ id: id() }),
  runExportInBackground: z.object({ id: id() }),
  exportProgress: z.object({ id: id() }),
  exportLogs: z.object({ first: first(MAX_PAGE_SIZE), after: cursor() }),
  exportPreview: z.object({ columns: columns(), filter: ExportFilterInputSchema.nullish(), first: first(EXPORT_PREVIEW_MAX) }),
  actionSummary: z.object({ from: optionalLocalDate(), to: optionalLocalDate() }).superRefine(periodInOrder('from', 'to')),
} as const;
