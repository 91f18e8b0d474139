import { In, type SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { SqlByShape } from '../../core/scoped-repository';
import { badInput, conflict, forbidden, notFound } from '../../core/errors';
import { applySearch, DocumentSearchTerm, indexDocumentSearch, searchOnlyQuery, searchPlan, searchWords } from './document-search';
import { decodeCursor, encodeCursor, lazyCount, pageSize, type Page } from '../../core/pagination';
import { Article } from '../articles/article.entity';
import { clock, isoDay } from '../../core/clock';
import { HistoryEntityType, HistoryEntryType, type FieldChangeData, type RelatedDocumentData } from '../history/history-entry.entity';
import { recordHistory } from '../history/history.service';
import { optionalDay, optionalText, requiredText } from '../../core/input-validation';
import { changedFields, staleVersion, updateVersioned } from '../history/tracked';
import { Customer, Supplier, type PartyRecord } from '../parties/party.entity';
import { assertDocumentAccess, CONVERSIONS, mayAccess, mayConvert, readableTypes } from './document-access';
import {
  computeDueDate,
  DEFAULT_VAT_EXEMPTION,
  VatExemption,
  CONVERTIBLE_FROM,
  DocumentType,
  typeLabel,
  formatScaled,
  isCancellable,
  isDeletable,
  isEditable,
  ISSUED_TYPES,
  MAX_LINES,
  MAX_QUANTITY_MILLI,
  MAX_UNIT_PRICE_CENTS,
  nextStatuses,
  NUMBERED_AT_CREATION,
  SALES_TYPES,
} from '@comptoir/schema';
import { Document, DocumentLine, DocumentStatus } from './document.entity';
import type { CreditNoteLineInput, DocumentFilter, DocumentInput, DocumentLineInput, DocumentListArgs } from './document.types';
import { DocumentSortField, SortDirection } from './document.types';
import { withSortColumn, type DocumentColumn } from './document-columns';
import { scaled, storedTotals, vatRate, type DocumentTotals } from '../../core/money';
import { guardNumber, nextNumber } from './numbering';
import { postIssuedDocument } from '../accounting/posting.service';
import { documentIssued } from '../../core/issue-hooks';

const LABEL = 'Document';

// ---------------------------------------------------------------------------
// Input validation
// ---------------------------------------------------------------------------

interface LineValues {
  articleId: string | null;
  description: string;
  quantityMilli: number;
  unit: string | null;
  unitPriceCents: number;
  discountBp: number;
  vatRateBp: number;
  sourceLineId: string | null;
  vatExemption: VatExemption | null;
}

interface DocumentValues {
  partyId: string | null;
  dueDate: string | null;
  subject: string | null;
  notes: string | null;
  lines: LineValues[];
}

/** Checks done without the database: lengths, ranges, VAT rates, number of lines. */
export function validateDocumentInput(input: DocumentInput, path = 'input'): DocumentValues {
  if (!Array.isArray(input.lines)) throw badInput('REQUIRED', 'lines are required', `${path}.lines`);
  if (input.lines.length > MAX_LINES) throw badInput('TOO_MANY_LINES', `A document has at most ${MAX_LINES} lines`, `${path}.lines`, { max: MAX_LINES });
  return {
    partyId: optionalText(input.partyId, `${path}.partyId`, 36),
    dueDate: optionalDay(input.dueDate, `${path}.dueDate`),
    subject: optionalText(input.subject, `${path}.subject`, 200),
    notes: optionalText(input.notes, `${path}.notes`, 5000),
    lines: input.lines.map((line, i) => validateLine(line, `${path}.lines.${i}`)),
  };
}

function validateLine(line: DocumentLineInput, path: string): LineValues {
  const quantityMilli = scaled(line.quantity, `${path}.quantity`, 3);
  if (quantityMilli <= 0 || quantityMilli > MAX_QUANTITY_MILLI) {
    throw badInput('OUT_OF_RANGE', `${path}.quantity must be greater than 0 and at most 1000000`, `${path}.quantity`);
  }
  if (!Number.isSafeInteger(line.unitPriceCents) || Math.abs(line.unitPriceCents) > MAX_UNIT_PRICE_CENTS) {
    throw badInput('OUT_OF_RANGE', `${path}.unitPriceCents must be whole cents between -${MAX_UNIT_PRICE_CENTS} and ${MAX_UNIT_PRICE_CENTS}`, `${path}.unitPriceCents`, {
      max: MAX_UNIT_PRICE_CENTS,
    });
  }
  const discountBp = line.discountPercent === null || line.discountPercent === undefined ? 0 : scaled(line.discountPercent, `${path}.discountPercent`, 2);
  if (discountBp < 0 || discountBp > 10_000) throw badInput('OUT_OF_RANGE', `${path}.discountPercent must be between 0 and 100`, `${path}.discountPercent`);
  return {
    articleId: optionalText(line.articleId, `${path}.articleId`, 36),
    description: optionalText(line.description, `${path}.description`, 2000) ?? '',
    quantityMilli,
    unit: optionalText(line.unit, `${path}.unit`, 20),
    unitPriceCents: line.unitPriceCents,
    discountBp,
    vatRateBp: vatRate(line.vatRate, `${path}.vatRate`),
    sourceLineId: optionalText(line.sourceLineId, `${path}.sourceLineId`, 36),
    vatExemption: exemptionOf(line, path),
  };
}

/** A 0 % line keeps its exemption reason (default 293 B); a taxed line has none. */
function exemptionOf(line: DocumentLineInput, path: string): VatExemption | null {
  if (line.vatExemption && !(Object.values(VatExemption) as string[]).includes(line.vatExemption)) throw badInput('INVALID_CHOICE', 'Unknown VAT exemption', `${path}.vatExemption`);
  if (vatRate(line.vatRate, `${path}.vatRate`) !== 0) return null;
  return line.vatExemption ?? DEFAULT_VAT_EXEMPTION;
}

function totalsOrBadInput(lines: readonly LineValues[], path: string): DocumentTotals {
  return storedTotals(lines, path);
}

function partyEntity(type: DocumentType) {
  return SALES_TYPES.has(type) ? Customer : Supplier;
}

async function resolveParty(tx: RequestContext, type: DocumentType, partyId: string | null): Promise<PartyRecord | null> {
  if (!partyId) return null;
  const label = SALES_TYPES.has(type) ? 'Customer' : 'Supplier';
  return tx.scoped<PartyRecord>(partyEntity(type), label).get(partyId);
}

/** Articles of the lines (this dossier only: another dossier's article is NOT_FOUND); fills units and descriptions. */
async function resolveArticles(tx: RequestContext, lines: LineValues[], path: string): Promise<void> {
  const ids = [...new Set(lines.map((l) => l.articleId).filter((id): id is string => !!id))];
  const found = new Map((await tx.scoped(Article, 'Article').findByIds(ids)).map((a) => [a.id, a]));
  lines.forEach((line, i) => {
    if (line.articleId) {
      const article = found.get(line.articleId);
      if (!article) throw notFound('Article', line.articleId);
      line.unit ??= article.unit;
      if (!line.description) line.description = article.label;
    }
    if (!line.description) throw badInput('REQUIRED', `${path}.${i}.description is required`, `${path}.${i}.description`);
  });
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/** A document of the session's dossier that the profile may read (NOT_FOUND / FORBIDDEN otherwise). */
export async function getDocument(ctx: RequestContext, id: string): Promise<Document> {
  const doc = await ctx.scoped(Document, LABEL).get(id);
  assertDocumentAccess(ctx, doc.type, 'read');
  return doc;
}

export async function linesOf(ctx: RequestContext, documentIds: readonly string[]): Promise<Map<string, DocumentLine[]>> {
  const byDoc = new Map<string, DocumentLine[]>();
  if (documentIds.length === 0) return byDoc;
  const rows = await ctx.scoped(DocumentLine, 'Document line').find({
    where: { documentId: In([...documentIds]) },
    order: { documentId: 'ASC', position: 'ASC' },
  });
  for (const row of rows) {
    const list = byDoc.get(row.documentId) ?? [];
    list.push(row);
    byDoc.set(row.documentId, list);
  }
  return byDoc;
}

/**
 * Quantity (thousandths) already credited per invoice line, by credit notes made
 * from these invoices (drafts included, except `excludeCreditNoteId`).
 */
export async function creditedByLine(
  ctx: RequestContext,
  invoiceIds: readonly string[],
  excludeCreditNoteId?: string,
): Promise<Map<string, number>> {
  const credited = new Map<string, number>();
  if (invoiceIds.length === 0) return credited;
  const q = ctx
    .scoped(DocumentLine, 'Document line')
    .query('l')
    // Lines carry their dossier too: both sides scoped, so neither table is read across dossiers.
    .innerJoin(Document, 'd', 'd.id = l.documentId AND d.dossierId = l.dossierId')
    .select('l.sourceLineId', 'sourceLineId')
    .addSelect('SUM(l.quantityMilli)', 'credited')
    .andWhere('d.dossierId = :dossierId AND d.type = :type', { dossierId: ctx.dossierId, type: DocumentType.CREDIT_NOTE })
    .andWhere('d.sourceDocumentId IN (:...invoiceIds)', { invoiceIds: [...invoiceIds] })
    .andWhere('l.sourceLineId IS NOT NULL')
    .groupBy('l.sourceLineId');
  if (excludeCreditNoteId) q.andWhere('d.id <> :exclude', { exclude: excludeCreditNoteId });
  for (const row of await q.getRawMany<{ sourceLineId: string; credited: string | number }>()) {
    credited.set(row.sourceLineId, Number(row.credited));
  }
  return credited;
}

// ---------------------------------------------------------------------------
// Writing helpers
// ---------------------------------------------------------------------------

function relatedOf(doc: Document, direction: 'FROM' | 'TO'): RelatedDocumentData {
  return { direction, documentId: doc.id, documentType: doc.type, number: doc.number };
}

function documentLabel(doc: Document): string {
  return `${typeLabel(doc.type, 'en')}${doc.number ? ` ${doc.number}` : ''}`;
}

async function insertLines(tx: RequestContext, doc: Document, lines: readonly LineValues[], totals: DocumentTotals): Promise<void> {
  if (lines.length === 0) return;
  const repo = tx.scoped(DocumentLine, 'Document line');
  const rows = lines.map((line, position) =>
    repo.create({
      documentId: doc.id,
      position,
      articleId: line.articleId,
      description: line.description,
      quantityMilli: line.quantityMilli,
      unit: line.unit ?? 'u',
      unitPriceCents: line.unitPriceCents,
      discountBp: line.discountBp,
      vatRateBp: line.vatRateBp,
      totalExclVatCents: totals.lineTotals[position],
      sourceLineId: line.sourceLineId,
      vatExemption: line.vatExemption,
    }),
  );
  // Chunks keep each INSERT well under the drivers' parameter limits.
  for (let i = 0; i < rows.length; i += 50) await repo.insert(rows.slice(i, i + 50));
}

function totalsColumns(totals: DocumentTotals, lineCount: number) {
  return {
    totalExclVatCents: totals.totalExclVatCents,
    totalVatCents: totals.totalVatCents,
    totalInclVatCents: totals.totalInclVatCents,
    vatBreakdown: totals.vatBreakdown,
    lineCount,
  };
}

interface NewDocument {
  type: DocumentType;
  party: PartyRecord | null;
  values: Omit<DocumentValues, 'partyId' | 'lines'>;
  lines: LineValues[];
  sourceDocumentId?: string | null;
}

/** Inserts a draft (numbered now for quotes, price requests and supplier orders) and records CREATED. */
async function insertDocument(tx: RequestContext, input: NewDocument): Promise<Document> {
  const totals = totalsOrBadInput(input.lines, 'input.lines');
  const now = clock.now();
  const numbered = NUMBERED_AT_CREATION.has(input.type) ? await nextNumber(tx, input.type, now.getUTCFullYear()) : null;
  const repo = tx.scoped(Document, LABEL);
  const doc = repo.create({
    type: input.type,
    status: DocumentStatus.DRAFT,
    number: numbered?.number ?? null,
    numberYear: numbered?.year ?? null,
    numberSequence: numbered?.sequence ?? null,
    date: isoDay(now),
    dueDate: input.values.dueDate,
    partyId: input.party?.id ?? null,
    partyName: input.party?.legalName ?? '',
    subject: input.values.subject,
    notes: input.values.notes,
    ...totalsColumns(totals, input.lines.length),
    sourceDocumentId: input.sourceDocumentId ?? null,
    issuedAt: null,
    version: 1,
    createdById: tx.userId,
    updatedById: tx.userId,
    createdAt: now,
    updatedAt: now,
  });
  await guardNumber(numbered?.number ?? null, () => repo.insert(doc));
  await indexDocumentSearch(tx, doc);
  await insertLines(tx, doc, input.lines, totals);
  await recordHistory(tx, {
    entityType: HistoryEntityType.DOCUMENT,
    entityId: doc.id,
    documentId: doc.id,
    type: HistoryEntryType.CREATED,
    data: { label: documentLabel(doc), number: doc.number },
  });
  return doc;
}

/** Credit-note lines that name invoice lines: they must exist and not exceed what remains to credit. */
async function checkCreditedLines(tx: RequestContext, creditNote: { id?: string; sourceDocumentId: string | null }, lines: LineValues[], path: string): Promise<void> {
  const named = lines.map((l, i) => ({ line: l, i })).filter(({ line }) => line.sourceLineId);
  if (named.length === 0) return;
  if (!creditNote.sourceDocumentId) throw badInput('INVALID_CREDITED_LINE', 'sourceLineId only applies to credit notes made from an invoice', `${path}.${named[0].i}.sourceLineId`);
  const invoiceLines = new Map(
    (await tx.scoped(DocumentLine, 'Document line').find({ where: { documentId: creditNote.sourceDocumentId } })).map((l) => [l.id, l]),
  );
  const credited = await creditedByLine(tx, [creditNote.sourceDocumentId], creditNote.id);
  const asked = new Map<string, number>();
  for (const { line, i } of named) {
    const source = invoiceLines.get(line.sourceLineId as string);
    if (!source) throw badInput('INVALID_CREDITED_LINE', 'sourceLineId is not a line of the credited invoice', `${path}.${i}.sourceLineId`);
    const total = (asked.get(source.id) ?? 0) + line.quantityMilli;
    asked.set(source.id, total);
    const remaining = source.quantityMilli - (credited.get(source.id) ?? 0);
    if (total > remaining) {
      throw badInput('CREDIT_EXCEEDS_INVOICE_LINE', `Only ${formatScaled(Math.max(remaining, 0), 3)} remain to credit on this invoice line`, `${path}.${i}.quantity`, {
        remaining: formatScaled(Math.max(remaining, 0), 3),
      });
    }
  }
}

function lineDisplay(line: LineValues | DocumentLine): Record<string, string | null> {
  return {
    articleId: line.articleId,
    description: line.description,
    quantity: formatScaled(line.quantityMilli, 3),
    unit: line.unit ?? 'u',
    unitPriceCents: String(line.unitPriceCents),
    discountPercent: formatScaled(line.discountBp, 2),
    vatRate: formatScaled(line.vatRateBp, 2),
    vatExemption: line.vatExemption ?? null,
  };
}

function lineSummary(line: LineValues | DocumentLine): string {
  const d = lineDisplay(line);
  return `${d.description} × ${d.quantity} ${d.unit} @ ${d.unitPriceCents} c, -${d.discountPercent} %, VAT ${d.vatRate} %`;
}

/** Every changed line field (`lines.2.quantity`), plus added or removed lines (`lines.3`). */
function lineChanges(before: readonly DocumentLine[], after: readonly LineValues[]): FieldChangeData[] {
  const changes: FieldChangeData[] = [];
  const count = Math.max(before.length, after.length);
  for (let i = 0; i < count; i++) {
    const b = before[i];
    const a = after[i];
    if (b && !a) changes.push({ field: `lines.${i}`, before: lineSummary(b), after: null });
    else if (!b && a) changes.push({ field: `lines.${i}`, before: null, after: lineSummary(a) });
    else if (a && b) {
      const db = lineDisplay(b);
      const da = lineDisplay(a);
      for (const field of Object.keys(da)) {
        if (db[field] !== da[field]) changes.push({ field: `lines.${i}.${field}`, before: db[field], after: da[field] });
      }
    }
  }
  return changes;
}

/** The document locked for this transaction: NOT_FOUND, then FORBIDDEN (profile), then CONFLICT (stale version). */
async function loadLocked(tx: RequestContext, id: string, version: number, access: 'read' | 'write'): Promise<Document> {
  const doc = await tx.scoped(Document, LABEL).get(id, { lock: true });
  assertDocumentAccess(tx, doc.type, access);
  if (doc.version !== version) throw await staleVersion(tx, LABEL, doc);
  return doc;
}

function loadWritable(tx: RequestContext, id: string, version: number): Promise<Document> {
  return loadLocked(tx, id, version, 'write');
}

function notInStatus(doc: Document, action: string): Error {
  return conflict('WRONG_STATUS', `${documentLabel(doc)} is ${doc.status}: it cannot be ${action}`, { currentStatus: doc.status, currentVersion: doc.version });
}

// ---------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------

export async function createDocument(ctx: RequestContext, type: DocumentType, input: DocumentInput): Promise<Document> {
  assertDocumentAccess(ctx, type, 'write');
  const values = validateDocumentInput(input);
  totalsOrBadInput(values.lines, 'input.lines');
  return ctx.transaction(async (tx) => {
    const party = await resolveParty(tx, type, values.partyId);
    await resolveArticles(tx, values.lines, 'input.lines');
    if (values.lines.some((l) => l.sourceLineId)) {
      const i = values.lines.findIndex((l) => l.sourceLineId);
      throw badInput('INVALID_CREDITED_LINE', 'sourceLineId only applies to credit notes made from an invoice (createCreditNoteFromInvoice)', `input.lines.${i}.sourceLineId`);
    }
    return insertDocument(tx, { type, party, values, lines: values.lines });
  });
}

export async function updateDocument(ctx: RequestContext, id: string, version: number, input: DocumentInput): Promise<Document> {
  const values = validateDocumentInput(input);
  totalsOrBadInput(values.lines, 'input.lines');
  return ctx.transaction(async (tx) => {
    const doc = await loadWritable(tx, id, version);
    if (!isEditable(doc.type, doc.status)) throw notInStatus(doc, 'edited');
    const party = await resolveParty(tx, doc.type, values.partyId);
    await resolveArticles(tx, values.lines, 'input.lines');
    if (doc.type === DocumentType.CREDIT_NOTE) await checkCreditedLines(tx, doc, values.lines, 'input.lines');
    else if (values.lines.some((l) => l.sourceLineId)) {
      throw badInput('INVALID_CREDITED_LINE', 'sourceLineId only applies to credit notes', `input.lines.${values.lines.findIndex((l) => l.sourceLineId)}.sourceLineId`);
    }
    const totals = totalsOrBadInput(values.lines, 'input.lines');
    const before = (await linesOf(tx, [doc.id])).get(doc.id) ?? [];
    const next = {
      partyId: party?.id ?? null,
      partyName: party?.legalName ?? '',
      dueDate: values.dueDate,
      subject: values.subject,
      notes: values.notes,
      ...totalsColumns(totals, values.lines.length),
    };
    const changes = [
      ...changedFields(['partyName', 'dueDate', 'subject', 'notes', 'totalExclVatCents', 'totalVatCents', 'totalInclVatCents'], { ...doc }, next),
      ...lineChanges(before, values.lines),
    ];
    if (changes.length === 0 && doc.partyId === next.partyId) return doc;
    const renamed = doc.partyName !== next.partyName;
    await updateVersioned(tx, Document, LABEL, doc, version, next);
    if (renamed) await indexDocumentSearch(tx, doc);
    await tx.scoped(DocumentLine, 'Document line').delete({ documentId: doc.id });
    await insertLines(tx, doc, values.lines, totals);
    await recordHistory(tx, { entityType: HistoryEntityType.DOCUMENT, entityId: doc.id, documentId: doc.id, type: HistoryEntryType.UPDATED, data: { changes } });
    return doc;
  });
}

/** Moves a document to `status` when its type and current status allow it (CONFLICT otherwise). */
export async function changeDocumentStatus(ctx: RequestContext, id: string, version: number, status: DocumentStatus): Promise<Document> {
  return ctx.transaction(async (tx) => {
    const doc = await loadWritable(tx, id, version);
    if (!nextStatuses(doc.type, doc.status).includes(status)) {
      throw conflict('TRANSITION_NOT_ALLOWED', `${documentLabel(doc)} cannot go from ${doc.status} to ${status}`, {
        currentStatus: doc.status,
        currentVersion: doc.version,
        allowed: nextStatuses(doc.type, doc.status),
      });
    }
    const from = doc.status;
    if (status === DocumentStatus.ISSUED) return issue(tx, doc, version);
    await updateVersioned(tx, Document, LABEL, doc, version, { status });
    await recordHistory(tx, {
      entityType: HistoryEntityType.DOCUMENT,
      entityId: doc.id,
      documentId: doc.id,
      type: status === DocumentStatus.SENT ? HistoryEntryType.SENT : HistoryEntryType.STATUS_CHANGED,
      data: { from, to: status },
    });
    return doc;
  });
}

/** Issues an invoice or credit note: numbered now, dated today, frozen from then on. */
async function issue(tx: RequestContext, doc: Document, version: number): Promise<Document> {
  if (!ISSUED_TYPES.has(doc.type)) throw conflict('NOT_ISSUABLE_TYPE', `${documentLabel(doc)} is not issued: send it instead`, { currentStatus: doc.status });
  if (doc.lineCount === 0) throw conflict('NO_LINES', `${documentLabel(doc)} has no lines: add some before issuing it`, { currentStatus: doc.status });
  if (!doc.partyId) throw conflict('NO_PARTY', `${documentLabel(doc)} has no customer: choose one before issuing it`, { currentStatus: doc.status });
  if (doc.type === DocumentType.CREDIT_NOTE && doc.sourceDocumentId) {
    const lines = (await linesOf(tx, [doc.id])).get(doc.id) ?? [];
    await checkCreditedLines(tx, doc, lines, 'lines').catch((error: Error) => {
      throw conflict('CREDIT_EXCEEDS_INVOICE', `${documentLabel(doc)} credits more than remains on the invoice: ${error.message}`, { currentStatus: doc.status });
    });
  }
  const now = clock.now();
  const numbered = await nextNumber(tx, doc.type, now.getUTCFullYear());
  // An invoice's due date: the one chosen on the draft, else the customer's payment terms.
  let dueDate = doc.dueDate;
  if (doc.type === DocumentType.INVOICE && !dueDate) {
    const customer = await resolveParty(tx, doc.type, doc.partyId).catch(() => null);
    dueDate = computeDueDate(isoDay(now), customer?.paymentTerms, customer?.paymentTermsDays ?? 30);
  }
  await guardNumber(numbered.number, () =>
    updateVersioned(tx, Document, LABEL, doc, version, {
      status: DocumentStatus.ISSUED,
      number: numbered.number,
      numberYear: numbered.year,
      numberSequence: numbered.sequence,
      date: isoDay(now),
      dueDate,
      issuedAt: now,
    }),
  );
  await indexDocumentSearch(tx, { id: doc.id, type: doc.type, date: isoDay(now), number: numbered.number, partyName: doc.partyName });
  // Its sales-journal entry, in this transaction (refused in a collected period: nothing is written).
  await postIssuedDocument(tx, doc, (await linesOf(tx, [doc.id])).get(doc.id) ?? []);
  await recordHistory(tx, {
    entityType: HistoryEntityType.DOCUMENT,
    entityId: doc.id,
    documentId: doc.id,
    type: HistoryEntryType.ISSUED,
    data: { number: numbered.number, from: DocumentStatus.DRAFT, to: DocumentStatus.ISSUED },
  });
  // Payments (a credit note settles its invoice), the stored PDF: app/app.ts registers them.
  await documentIssued(tx, doc);
  return doc;
}

export function issueDocument(ctx: RequestContext, id: string, version: number): Promise<Document> {
  return changeDocumentStatus(ctx, id, version, DocumentStatus.ISSUED);
}

export function sendDocument(ctx: RequestContext, id: string, version: number): Promise<Document> {
  return changeDocumentStatus(ctx, id, version, DocumentStatus.SENT);
}

function copyLines(lines: readonly DocumentLine[], keepSource = false): LineValues[] {
  return lines.map((l) => ({
    articleId: l.articleId,
    description: l.description,
    quantityMilli: l.quantityMilli,
    unit: l.unit,
    unitPriceCents: l.unitPriceCents,
    discountBp: l.discountBp,
    vatRateBp: l.vatRateBp,
    sourceLineId: keepSource ? l.sourceLineId : null,
    vatExemption: l.vatExemption,
  }));
}

async function recordLink(tx: RequestContext, type: HistoryEntryType.CONVERTED | HistoryEntryType.DUPLICATED, source: Document, target: Document) {
  await recordHistory(tx, { entityType: HistoryEntityType.DOCUMENT, entityId: source.id, documentId: source.id, type, data: { related: relatedOf(target, 'TO') } });
  await recordHistory(tx, { entityType: HistoryEntityType.DOCUMENT, entityId: target.id, documentId: target.id, type, data: { related: relatedOf(source, 'FROM') } });
}

/** Quote → invoice (OWNER/ADV), price request → supplier order (OWNER/ADV/ACHAT). */
export async function convertDocument(ctx: RequestContext, id: string, version: number, expected: DocumentType.QUOTE | DocumentType.PRICE_REQUEST): Promise<Document> {
  return ctx.transaction(async (tx) => {
    const source = await loadLocked(tx, id, version, 'read');
    if (source.type !== expected) throw badInput('WRONG_DOCUMENT_TYPE', `${documentLabel(source)} is not a ${typeLabel(expected, 'en').toLowerCase()}`, 'id');
    const conversion = CONVERSIONS[source.type];
    const rule = CONVERTIBLE_FROM[source.type];
    if (!conversion || !rule || !mayConvert(tx, source.type)) throw forbidden(`Your profile does not allow converting a ${typeLabel(source.type, 'en').toLowerCase()}`);
    if (!rule.from.includes(source.status)) throw notInStatus(source, 'converted');
    const already = await tx.scoped(Document, LABEL).findOneBy({ sourceDocumentId: source.id, type: conversion.to });
    if (already) throw conflict('ALREADY_CONVERTED', `${documentLabel(source)} was already converted (${documentLabel(already)})`, { relatedDocumentId: already.id });
    const lines = (await linesOf(tx, [source.id])).get(source.id) ?? [];
    const party = source.partyId ? await resolveParty(tx, source.type, source.partyId).catch(() => null) : null;
    const target = await insertDocument(tx, {
      type: conversion.to,
      party,
      values: { dueDate: null, subject: source.subject, notes: source.notes },
      lines: copyLines(lines),
      sourceDocumentId: source.id,
    });
    if (rule.becomes && source.status !== rule.becomes) {
      const from = source.status;
      await updateVersioned(tx, Document, LABEL, source, version, { status: rule.becomes });
      await recordHistory(tx, {
        entityType: HistoryEntityType.DOCUMENT,
        entityId: source.id,
        documentId: source.id,
        type: HistoryEntryType.STATUS_CHANGED,
        data: { from, to: rule.becomes },
      });
    }
    await recordLink(tx, HistoryEntryType.CONVERTED, source, target);
    return target;
  });
}

/** A credit note for an issued invoice: all that remains to credit, or the chosen lines and quantities. */
export async function createCreditNoteFromInvoice(ctx: RequestContext, invoiceId: string, chosen: CreditNoteLineInput[] | null | undefined): Promise<Document> {
  if (chosen && chosen.length > MAX_LINES) throw badInput('TOO_MANY_LINES', `A document has at most ${MAX_LINES} lines`, 'lines');
  const asked = chosen?.map((c, i) => ({
    sourceLineId: requiredText(c.sourceLineId, `lines.${i}.sourceLineId`, 36),
    quantityMilli: scaled(c.quantity, `lines.${i}.quantity`, 3),
  }));
  asked?.forEach((a, i) => {
    if (a.quantityMilli <= 0) throw badInput('OUT_OF_RANGE', 'quantity must be greater than 0', `lines.${i}.quantity`);
  });
  return ctx.transaction(async (tx) => {
    // Locked so two credit notes of one invoice are checked one after the other.
    const invoice = await tx.scoped(Document, LABEL).get(invoiceId, { lock: true });
    assertDocumentAccess(tx, invoice.type, 'read');
    if (invoice.type !== DocumentType.INVOICE) throw badInput('WRONG_DOCUMENT_TYPE', `${documentLabel(invoice)} is not an invoice`, 'invoiceId');
    if (!mayConvert(tx, invoice.type)) throw forbidden('Your profile does not allow crediting an invoice');
    if (!CONVERTIBLE_FROM[DocumentType.INVOICE]?.from.includes(invoice.status)) throw notInStatus(invoice, 'credited before it is issued');
    const invoiceLines = (await linesOf(tx, [invoice.id])).get(invoice.id) ?? [];
    const credited = await creditedByLine(tx, [invoice.id]);
    const remaining = (line: DocumentLine) => line.quantityMilli - (credited.get(line.id) ?? 0);
    let lines: LineValues[];
    if (!asked) {
      lines = invoiceLines
        .filter((l) => remaining(l) > 0)
        .map((l) => ({ ...copyLines([l])[0], quantityMilli: remaining(l), sourceLineId: l.id }));
      if (lines.length === 0) throw conflict('ALREADY_FULLY_CREDITED', `${documentLabel(invoice)} is already fully credited`, { currentStatus: invoice.status });
    } else {
      const byId = new Map(invoiceLines.map((l) => [l.id, l]));
      lines = asked.map((a, i) => {
        const source = byId.get(a.sourceLineId);
        if (!source) throw badInput('INVALID_CREDITED_LINE', 'Not a line of this invoice', `lines.${i}.sourceLineId`);
        return { ...copyLines([source])[0], quantityMilli: a.quantityMilli, sourceLineId: source.id };
      });
      await checkCreditedLines(tx, { sourceDocumentId: invoice.id }, lines, 'lines');
    }
    const party = invoice.partyId ? await resolveParty(tx, invoice.type, invoice.partyId).catch(() => null) : null;
    const creditNote = await insertDocument(tx, {
      type: DocumentType.CREDIT_NOTE,
      party,
      values: { dueDate: null, subject: invoice.subject, notes: null },
      lines,
      sourceDocumentId: invoice.id,
    });
    await recordLink(tx, HistoryEntryType.CONVERTED, invoice, creditNote);
    return creditNote;
  });
}

/** A new draft of the same type with the same party and lines (not linked as a conversion). */
export async function duplicateDocument(ctx: RequestContext, id: string): Promise<Document> {
  return ctx.transaction(async (tx) => {
    const source = await tx.scoped(Document, LABEL).get(id);
    assertDocumentAccess(tx, source.type, 'write');
    const lines = (await linesOf(tx, [source.id])).get(source.id) ?? [];
    const party = source.partyId ? await resolveParty(tx, source.type, source.partyId).catch(() => null) : null;
    const copy = await insertDocument(tx, {
      type: source.type,
      party,
      values: { dueDate: null, subject: source.subject, notes: source.notes },
      lines: copyLines(lines),
    });
    await recordLink(tx, HistoryEntryType.DUPLICATED, source, copy);
    return copy;
  });
}

/** Deletes a draft; an issued invoice or credit note never (the database refuses too). */
export async function deleteDocument(ctx: RequestContext, id: string, version: number): Promise<string> {
  return ctx.transaction(async (tx) => {
    const doc = await loadWritable(tx, id, version);
    if (doc.number !== null && isCancellable(doc.type, doc.status)) {
      throw conflict('WRONG_STATUS', `${documentLabel(doc)} is numbered: it is cancelled (cancelDocument), never deleted`, { currentStatus: doc.status, currentVersion: doc.version });
    }
    if (!isDeletable(doc.type, doc.status) || doc.number !== null) throw notInStatus(doc, 'deleted');
    await tx.scoped(DocumentLine, 'Document line').delete({ documentId: doc.id });
    await tx.scoped(DocumentSearchTerm, 'search term').delete({ documentId: doc.id });
    await tx.scoped(Document, LABEL).delete({ id: doc.id });
    await recordHistory(tx, {
      entityType: HistoryEntityType.DOCUMENT,
      entityId: doc.id,
      documentId: doc.id,
      type: HistoryEntryType.DELETED,
      data: { label: documentLabel(doc), number: doc.number },
    });
    return doc.id;
  });
}

/**
 * Cancels a numbered quote, price request or supplier order (DRAFT or SENT →
 * CANCELLED): the document and its number stay, the change is in its history.
 */
export async function cancelDocument(ctx: RequestContext, id: string, version: number): Promise<Document> {
  return ctx.transaction(async (tx) => {
    const doc = await loadWritable(tx, id, version);
    if (!isCancellable(doc.type, doc.status)) throw notInStatus(doc, 'cancelled');
    const from = doc.status;
    await updateVersioned(tx, Document, LABEL, doc, version, { status: DocumentStatus.CANCELLED });
    await recordHistory(tx, {
      entityType: HistoryEntityType.DOCUMENT,
      entityId: doc.id,
      documentId: doc.id,
      type: HistoryEntryType.STATUS_CHANGED,
      data: { from, to: DocumentStatus.CANCELLED },
    });
    return doc;
  });
}

// ---------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------

const SORT_COLUMN: Record<DocumentSortField, { sql: string; kind: 'string' | 'number' | 'date' }> = {
  [DocumentSortField.DATE]: { sql: 'd.date', kind: 'string' },
  [DocumentSortField.NUMBER]: { sql: "COALESCE(d.number, '')", kind: 'string' },
  [DocumentSortField.TOTAL]: { sql: 'd.totalInclVatCents', kind: 'number' },
  [DocumentSortField.PARTY_NAME]: { sql: 'd.partyName', kind: 'string' },
  [DocumentSortField.UPDATED_AT]: { sql: 'd.updatedAt', kind: 'date' },
  [DocumentSortField.CREATED_AT]: { sql: 'd.createdAt', kind: 'date' },
};

function sortValue(doc: Document, field: DocumentSortField): string | number {
  switch (field) {
    case DocumentSortField.DATE:
      return doc.date;
    case DocumentSortField.NUMBER:
      return doc.number ?? '';
    case DocumentSortField.TOTAL:
      return doc.totalInclVatCents;
    case DocumentSortField.PARTY_NAME:
      return doc.partyName;
    case DocumentSortField.UPDATED_AT:
      return doc.updatedAt.toISOString();
    case DocumentSortField.CREATED_AT:
      return doc.createdAt.toISOString();
  }
}

/** A cursor value as a query parameter (dates in the format each driver compares). */
function cursorParam(ctx: RequestContext, kind: 'string' | 'number' | 'date', value: string | number | null): string | number | Date {
  if (kind === 'number') {
    if (typeof value !== 'number') throw badInput('INVALID_CURSOR', 'Invalid cursor', 'after');
    return value;
  }
  if (typeof value !== 'string') throw badInput('INVALID_CURSOR', 'Invalid cursor', 'after');
  if (kind === 'string') return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw badInput('INVALID_CURSOR', 'Invalid cursor', 'after');
  return ctx.dialect === 'better-sqlite3' ? date.toISOString().replace('T', ' ').replace('Z', '') : date;
}

/**
 * Applies the filters but the search, returned (validated) for the caller to apply;
 * `filtered`: another condition than the types was added.
 */
function applyFilter(q: SelectQueryBuilder<Document>, filter: DocumentFilter | null | undefined): { search: string | null; filtered: boolean } {
  if (!filter) return { search: null, filtered: false };
  const conditionsBefore = q.expressionMap.wheres.length;
  if (filter.statuses?.length) q.andWhere('d.status IN (:...statuses)', { statuses: filter.statuses });
  const from = optionalDay(filter.dateFrom, 'filter.dateFrom');
  const to = optionalDay(filter.dateTo, 'filter.dateTo');
  if (from) q.andWhere('d.date >= :dateFrom', { dateFrom: from });
  if (to) q.andWhere('d.date <= :dateTo', { dateTo: to });
  if (filter.partyId) q.andWhere('d.partyId = :partyId', { partyId: filter.partyId });
  if (filter.createdById) q.andWhere('d.createdById = :createdById', { createdById: filter.createdById });
  if (filter.updatedById) q.andWhere('d.updatedById = :updatedById', { updatedById: filter.updatedById });
  if (filter.overdue) {
    q.andWhere('d.status IN (:...unpaid) AND d.dueDate < :today', { unpaid: [DocumentStatus.ISSUED, DocumentStatus.PARTIALLY_PAID], today: isoDay(clock.now()) });
  }
  const search = optionalText(filter.search, 'filter.search', 100);
  return { search: search && searchWords(search).length > 0 ? search : null, filtered: q.expressionMap.wheres.length > conditionsBefore };
}

/**
 * What the lists show of their size: an exact count up to `LIST_COUNT_CAP`, then « more
 * than » — a count that reads at most that many index entries, whatever the dossier's size.
 */
export const LIST_COUNT_CAP = 1000;

/** The SQL of the lists' count and page, built once per shape of filters and sort (see SqlByShape). */
const COUNT_SQL = new SqlByShape();
const PAGE_SQL = new SqlByShape();

/** A page of documents, with its count capped at `LIST_COUNT_CAP` (run only when GraphQL asks it). */
export interface DocumentPage extends Page<Document> {
  count: PromiseLike<{ value: number; more: boolean }>;
}

/** `d.<column>` for each column of a set, once per set (the sets are interned: see document-columns.ts). */
const selections = new WeakMap<readonly DocumentColumn[], string[]>();
function selectionsOf(columns: readonly DocumentColumn[]): string[] {
  let selected = selections.get(columns);
  if (!selected) selections.set(columns, (selected = columns.map((c) => `d.${c}`)));
  return selected;
}

/**
 * Documents of the given types (those the profile may read), filtered, sorted and
 * keyset-paginated: the cursor holds the sort value and id of the last row.
 * `columns`: read only these columns of each document (`columnsForFields`: what the GraphQL
 * selection shows); the page's documents then hold only those properties (and the sort's,
 * for the cursor). Without, whole rows, for any caller that hands the documents on.
 */
export async function listDocuments(
  ctx: RequestContext,
  types: readonly DocumentType[] | null,
  args: DocumentListArgs,
  columns: readonly DocumentColumn[] | null = null,
): Promise<DocumentPage> {
  const size = pageSize(args);
  let wanted: DocumentType[];
  if (types) {
    wanted = [...types];
  } else if (args.filter?.types?.length) {
    wanted = [...new Set(args.filter.types)];
    const refused = wanted.find((type) => !mayAccess(ctx, type, 'read'));
    if (refused) throw forbidden(`Your profile does not allow reading documents of type ${refused}`);
  } else {
    wanted = readableTypes(ctx);
  }
  for (const type of wanted) assertDocumentAccess(ctx, type, 'read');
  const sortField = args.sort?.field ?? DocumentSortField.DATE;
  const direction = args.sort?.direction ?? SortDirection.DESC;
  const column = SORT_COLUMN[sortField];
  const q = ctx.scoped(Document, LABEL).query('d').andWhere('d.type IN (:...types)', { types: wanted });
  const { search, filtered } = applyFilter(q, args.filter);
  const after = decodeCursor(args.after, 2);
  // A search sorted by date reads its words' terms in order: (st0.date, st0.documentId) are
  // the document's (date, id), kept equal by indexDocumentSearch.
  const [sortSql, idSql] = search && sortField === DocumentSortField.DATE ? ['st0.date', 'st0.documentId'] : [column.sql, 'd.id'];
  const keyset = after
    ? {
        sql: (op: string) => `(${sortSql} ${op} :afterValue OR (${sortSql} = :afterValue AND ${idSql} ${op} :afterId))`,
        params: { afterValue: cursorParam(ctx, column.kind, after[0]), afterId: String(after[1]) },
      }
    : null;
  // Several words: the rarest drives (st0); a word in no document finds nothing.
  const words = search ? await searchPlan(ctx, search, wanted) : null;
  if (search && !words) {
    return { nodes: [], totalCount: Promise.resolve(0), count: Promise.resolve({ value: 0, more: false }), pageInfo: { hasNextPage: false, endCursor: null } };
  }
  // A search alone finds its documents in the terms' index: the count reads only that,
  // and sorted by date the page's ids too (51 index entries, or the rarest word's
  // matches in order until 51 have every word, before 51 document rows are read).
  const searchOnly = words !== null && !filtered;
  const pageFromTerms = searchOnly && sortField === DocumentSortField.DATE;
  if (words && !pageFromTerms) applySearch(q, 'd', words, wanted);
  const countQuery = words && searchOnly ? searchOnlyQuery(ctx, words, wanted) : q.clone();
  // COUNT(*) rather than TypeORM's getCount(), which counts DISTINCT ids (a temporary
  // table of every matching id on MariaDB): the search joins one row per document and
  // word (a term is unique per document), so rows are documents.
  const totalCount = lazyCount(async () => Number((await countQuery.clone().select('COUNT(*)', 'n').getRawOne<{ n: string | number }>())?.n ?? 0));
  const count = lazyCount(async () => {
    const [sql, parameters] = COUNT_SQL.sqlAndParameters(countQuery.clone().select('1', 'one').limit(LIST_COUNT_CAP + 1));
    const [row] = await ctx.query<{ n: string | number }[]>(`SELECT COUNT(*) AS n FROM (${sql}) capped`, parameters);
    const n = Number(row?.n ?? 0);
    return { value: Math.min(n, LIST_COUNT_CAP), more: n > LIST_COUNT_CAP };
  });
  const op = direction === SortDirection.ASC ? '>' : '<';
  if (pageFromTerms && words) {
    const ids = searchOnlyQuery(ctx, words, wanted).select('st0.documentId', 'documentId');
    if (keyset) ids.andWhere(keyset.sql(op), keyset.params);
    ids.orderBy(sortSql, direction).addOrderBy(idSql, direction).limit(size + 1);
    const { scopeDossierId: _scope, ...parameters } = ids.getParameters();
    q.andWhere(`d.id IN (SELECT page.documentId FROM (${ids.getQuery()}) page)`, parameters);
  } else if (keyset) {
    q.andWhere(keyset.sql(op), keyset.params);
  }
  // Only the columns asked for: fewer values for mysql2 to parse and to collect. The set is
  // part of the SQL's shape (SqlByShape), so each set's text is still built once.
  const read = columns ? withSortColumn(columns, sortField) : null;
  if (read) q.select(selectionsOf(read));
  // Plain rows of one entity: mapped without TypeORM's per-row join bookkeeping (see entityMapper).
  const toDocument = ctx.rowMapper(Document, 'd', read ?? undefined);
  q.orderBy(pageFromTerms ? column.sql : sortSql, direction)
    .addOrderBy(pageFromTerms ? 'd.id' : idSql, direction)
    .limit(size + 1);
  const rows = (await ctx.query<Record<string, unknown>[]>(...PAGE_SQL.sqlAndParameters(q))).map(toDocument);
  const nodes = rows.slice(0, size);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    totalCount,
    count,
    pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor([sortValue(last, sortField), last.id]) : null },
  };
}
