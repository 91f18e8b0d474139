import type { Document } from './document.entity';
import { DocumentSortField } from './document.types';

/** A column of `documents`, by its property name. */
export type DocumentColumn = keyof Document & string;

/**
 * Read on every row a list returns, whatever the query shows: the key and the dossier
 * (what any row of dossier data carries), and the type and status, which the
 * authorization and the `can*` fields of every document read.
 */
const ALWAYS: readonly DocumentColumn[] = ['id', 'dossierId', 'type', 'status'];

/**
 * The columns each field of GraphQL's `Document` reads from its row (its own, and those
 * its resolver uses), beyond `ALWAYS`. A field missing here (one added by another module:
 * payments, sending…) makes the list read whole rows: a field is listed only once its
 * resolver has been read. `document-columns.test.ts` checks every field listed against
 * the same field resolved from a whole row.
 */
const FIELD_COLUMNS: Readonly<Record<string, readonly DocumentColumn[]>> = {
  __typename: [],
  id: [],
  type: [],
  status: [],
  number: ['number'],
  date: ['date'],
  dueDate: ['dueDate'],
  version: ['version'],
  partyId: ['partyId'],
  partyName: ['partyName'],
  customer: ['partyId'],
  supplier: ['partyId'],
  subject: ['subject'],
  notes: ['notes'],
  lines: [],
  lineCount: ['lineCount'],
  totalExclVatCents: ['totalExclVatCents'],
  totalVatCents: ['totalVatCents'],
  totalInclVatCents: ['totalInclVatCents'],
  vatBreakdown: ['vatBreakdown'],
  sourceDocument: ['sourceDocumentId'],
  derivedDocuments: [],
  issuedAt: ['issuedAt'],
  allowedStatuses: [],
  canEdit: [],
  canDelete: ['number'],
  canCancel: [],
  canConvertTo: [],
  createdAt: ['createdAt'],
  createdBy: ['createdById'],
  updatedAt: ['updatedAt'],
  updatedBy: ['updatedById'],
  history: [],
};

/** The fields whose columns are listed (for the test that checks each against a whole row). */
export const LISTED_FIELDS: readonly string[] = Object.keys(FIELD_COLUMNS).filter((f) => f !== '__typename');

/** What the cursor of each sort reads (`sortValue` in document.service.ts). */
const SORT_COLUMN: Readonly<Record<DocumentSortField, DocumentColumn>> = {
  [DocumentSortField.DATE]: 'date',
  [DocumentSortField.NUMBER]: 'number',
  [DocumentSortField.TOTAL]: 'totalInclVatCents',
  [DocumentSortField.PARTY_NAME]: 'partyName',
  [DocumentSortField.UPDATED_AT]: 'updatedAt',
  [DocumentSortField.CREATED_AT]: 'createdAt',
};

/** One array per distinct set of fields: the same query hands the same array every time. */
const byFields = new WeakMap<ReadonlySet<string>, readonly DocumentColumn[] | null>();

/**
 * The columns a page must read for these selected fields of its documents, or null for
 * whole rows (a field whose needs are not listed). The sort column is added by the list
 * (`withSortColumn`), which knows the sort.
 */
export function columnsForFields(fields: ReadonlySet<string>): readonly DocumentColumn[] | null {
  const known = byFields.get(fields);
  if (known !== undefined) return known;
  let columns: DocumentColumn[] | null = [...ALWAYS];
  for (const field of fields) {
    const needs = Object.prototype.hasOwnProperty.call(FIELD_COLUMNS, field) ? FIELD_COLUMNS[field] : undefined;
    if (!needs) {
      columns = null;
      break;
    }
    for (const column of needs) if (!columns.includes(column)) columns.push(column);
  }
  const result = columns ? interned(columns) : null;
  byFields.set(fields, result);
  return result;
}

/** Interned column sets (sorted), with the sort's column added: a few dozen at most. */
const sets = new Map<string, readonly DocumentColumn[]>();

function interned(columns: DocumentColumn[]): readonly DocumentColumn[] {
  const sorted = [...columns].sort();
  const key = sorted.join(',');
  let set = sets.get(key);
  if (!set) {
    set = Object.freeze(sorted);
    if (sets.size >= 1000) sets.clear();
    sets.set(key, set);
  }
  return set;
}

const withSort = new WeakMap<readonly DocumentColumn[], Partial<Record<DocumentSortField, readonly DocumentColumn[]>>>();

/** `columns` plus what the cursor of `sort` reads (the same array when already there). */
export function withSortColumn(columns: readonly DocumentColumn[], sort: DocumentSortField): readonly DocumentColumn[] {
  const column = SORT_COLUMN[sort];
  if (columns.includes(column)) return columns;
  let bySort = withSort.get(columns);
  if (!bySort) withSort.set(columns, (bySort = {}));
  return (bySort[sort] ??= interned([...columns, column]));
}
