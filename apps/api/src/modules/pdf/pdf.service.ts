import { createHash } from 'node:crypto';
import { DocumentStatus, DocumentType, ISSUED_TYPES, typeLabel } from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import { clock } from '../../core/clock';
import type { IssuedDocument } from '../../core/issue-hooks';
import { getDocument } from '../documents/document.service';
import { Document } from '../documents/document.entity';
import { HistoryEntityType, HistoryEntryType } from '../history/history-entry.entity';
import { recordHistory } from '../history/history.service';
import { DocumentPdf } from './document-pdf.entity';
import { facturXFor } from './factur-x';
import { loadPdfModel } from './pdf-model';
import { renderPdf } from './render-pdf';

export interface PdfFile {
  bytes: Buffer;
  fileName: string;
  sha256: string;
  /** True when this is the PDF stored at issue (never changes). */
  stored: boolean;
}

export function pdfFileName(doc: Pick<Document, 'type' | 'number'>): string {
  const label = typeLabel(doc.type).replace(/\s+/g, '-');
  return `${label}-${doc.number ?? 'brouillon'}.pdf`.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Renders a document as it is now (drafts carry a "brouillon" watermark); invoices and credit notes are Factur-X. */
export async function renderDocumentPdf(ctx: RequestContext, doc: Document): Promise<Buffer> {
  const model = await loadPdfModel(ctx, doc);
  const facturX = ISSUED_TYPES.has(doc.type) && doc.status !== DocumentStatus.DRAFT ? facturXFor(model) : null;
  return Buffer.from(await renderPdf(model, { facturX }));
}

/** Stores rendered bytes as the PDF of an issued document, with its SHA-256 in history (in the caller's transaction). */
async function storeRendered(tx: RequestContext, doc: Document, bytes: Buffer): Promise<DocumentPdf> {
  const repo = tx.scoped(DocumentPdf, 'PDF');
  const row = repo.create({ documentId: doc.id, sha256: sha256(bytes), byteLength: bytes.length, fileName: pdfFileName(doc), content: bytes.toString('base64'), createdAt: clock.now() });
  await repo.insert(row);
  await recordHistory(tx, {
    entityType: HistoryEntityType.DOCUMENT,
    entityId: doc.id,
    documentId: doc.id,
    type: HistoryEntryType.PDF_STORED,
    data: { label: row.fileName, sha256: row.sha256, bytes: row.byteLength },
  });
  return row;
}

/** Renders and stores the PDF of an issued document (in the caller's transaction, the document locked). */
async function storePdf(tx: RequestContext, doc: Document): Promise<DocumentPdf> {
  return storeRendered(tx, doc, await renderDocumentPdf(tx, doc));
}

export const PDF_JOB = 'pdf.render';

/**
 * The job that renders an issued document's PDF. An issued invoice or credit note
 * never changes, so its id is the idempotency key: queued once, and the stored row
 * (unique per document) is the mark a second run finds.
 */
export const pdfJobId = (documentId: string) => `pdf-${documentId}`;

export interface PdfJobData {
  documentId: string;
  dossierId: string;
  userId: string;
}

/**
 * Issue listener: the PDF of an invoice or credit note is rendered by a `pdf.render`
 * job queued once the issue commits (the issuing transaction no longer waits for
 * the rendering). A download before the job ran renders and stores it at once.
 */
export async function queuePdfAtIssue(tx: RequestContext, issued: IssuedDocument): Promise<void> {
  if (!ISSUED_TYPES.has(issued.type as DocumentType)) return;
  const data: PdfJobData = { documentId: issued.id, dossierId: tx.dossierId, userId: tx.userId };
  const { jobs } = tx.app;
  tx.afterCommit(() => jobs.add(PDF_JOB, data, { id: pdfJobId(issued.id), dossierId: data.dossierId, attempts: 5, backoffMs: 1000 }).then(() => undefined));
}

/**
 * Runs the `pdf.render` job in `ctx` (the issuer's): nothing when the PDF is stored
 * already (a retry, or a download was first); otherwise renders outside any
 * transaction, then stores it under the document's row lock unless someone stored
 * it meanwhile. However many runs, one PDF and one PDF_STORED entry.
 */
export async function renderPdfJob(ctx: RequestContext, documentId: string, progress: (percent: number) => Promise<void>): Promise<'stored' | 'already'> {
  if (await ctx.scoped(DocumentPdf, 'PDF').findOneBy({ documentId })) return 'already';
  const doc = await ctx.scoped(Document, 'Document').get(documentId);
  if (!ISSUED_TYPES.has(doc.type) || doc.status === DocumentStatus.DRAFT) return 'already';
  await progress(10);
  const bytes = await renderDocumentPdf(ctx, doc);
  await progress(80);
  return ctx.transaction(async (tx) => {
    const locked = await tx.scoped(Document, 'Document').get(documentId, { lock: true });
    if (await tx.scoped(DocumentPdf, 'PDF').findOneBy({ documentId })) return 'already' as const;
    await storeRendered(tx, locked, bytes);
    return 'stored' as const;
  });
}

function fromRow(row: DocumentPdf): PdfFile {
  return { bytes: Buffer.from(row.content, 'base64'), fileName: row.fileName, sha256: row.sha256, stored: true };
}

/**
 * The PDF of a document the profile may read (NOT_FOUND / FORBIDDEN otherwise): the
 * stored one for an issued invoice or credit note (stored now if its `pdf.render` job
 * has not run yet, or it was issued before PDFs were kept), else rendered on demand.
 */
export async function documentPdf(ctx: RequestContext, id: string): Promise<PdfFile> {
  const doc = await getDocument(ctx, id);
  if (ISSUED_TYPES.has(doc.type) && doc.status !== DocumentStatus.DRAFT) {
    const row = await ctx.scoped(DocumentPdf, 'PDF').findOneBy({ documentId: doc.id });
    if (row) return fromRow(row);
    // Not stored yet (its job has not run): stored now. The document's row lock first, then the
    // check, as the job does: whichever comes second finds the other's PDF.
    return ctx.transaction(async (tx) => {
      const locked = await tx.scoped(Document, 'Document').get(doc.id, { lock: true });
      const again = await tx.scoped(DocumentPdf, 'PDF').findOneBy({ documentId: doc.id });
      return fromRow(again ?? (await storePdf(tx, locked)));
    });
  }
  const bytes = await renderDocumentPdf(ctx, doc);
  return { bytes, fileName: pdfFileName(doc), sha256: sha256(bytes), stored: false };
}
