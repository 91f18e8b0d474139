import { randomUUID } from 'node:crypto';
import { DocumentStatus, DocumentType, formatAmount, ISSUED_TYPES, NUMBERED_AT_CREATION, daysLate } from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import { badInput, conflict } from '../../core/errors';
import { clock, isoDay } from '../../core/clock';
import { optionalText } from '../../core/input-validation';
import { assertDocumentAccess } from '../documents/document-access';
import { changeDocumentStatus } from '../documents/document.service';
import { Document } from '../documents/document.entity';
import { HistoryEntityType, HistoryEntryType } from '../history/history-entry.entity';
import { recordHistory } from '../history/history.service';
import { Dossier } from '../identity/dossier.entity';
import { Customer, Supplier, type PartyRecord } from '../parties/party.entity';
import { balanceOf } from '../payments/payment.service';
import { documentPdf } from '../pdf/pdf.service';
import { documentTemplates, fill, reminderTemplates, typeWord, type TemplateValues } from './templates';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_RECIPIENTS = 5;
const frDate = (day: string | null) => (day ? day.split('-').reverse().join('/') : '');

export interface EmailInput {
  documentId: string;
  to?: string[] | null;
  subject?: string | null;
  message?: string | null;
  /** An invoice or credit note still a draft is issued first (the SPA asks for confirmation). */
  issue?: boolean | null;
}

export interface EmailDraft {
  to: string[];
  subject: string;
  body: string;
}

async function partyOf(ctx: RequestContext, doc: Document): Promise<PartyRecord | null> {
  if (!doc.partyId) return null;
  const sales = doc.type === DocumentType.QUOTE || ISSUED_TYPES.has(doc.type);
  return ctx.scoped<PartyRecord>(sales ? Customer : Supplier, 'Party').findOneBy({ id: doc.partyId });
}

/** The customer's billing e-mail, else its contact's. */
function defaultRecipients(party: PartyRecord | null): string[] {
  const address = party?.billingEmail || party?.contactEmail;
  return address ? [address] : [];
}

async function valuesOf(ctx: RequestContext, doc: Document, party: PartyRecord | null, dossierName: string): Promise<TemplateValues> {
  const balance = doc.type === DocumentType.INVOICE && doc.status !== DocumentStatus.DRAFT ? (await balanceOf(ctx, doc)).balanceDueCents : doc.totalInclVatCents;
  return {
    numero: doc.number ?? '',
    type: typeWord(doc.type),
    client: party?.legalName ?? doc.partyName,
    montant: formatAmount(doc.totalInclVatCents).replace(/\u202f/g, ' '),
    echeance: doc.type === DocumentType.INVOICE ? frDate(doc.dueDate) : '',
    reste: formatAmount(balance).replace(/\u202f/g, ' '),
    dossier: dossierName,
    retard: String(daysLate(doc.dueDate, isoDay(clock.now()))),
  };
}

function recipients(list: string[] | null | undefined, fallback: string[], field: string): string[] {
  const chosen = (list ?? []).map((a) => a.trim().toLowerCase()).filter(Boolean);
  const to = [...new Set(chosen.length > 0 ? chosen : fallback.map((a) => a.toLowerCase()))];
  if (to.length === 0) throw badInput('REQUIRED', 'At least one recipient is required (the customer has no e-mail address)', field);
  if (to.length > MAX_RECIPIENTS) throw badInput('OUT_OF_RANGE', `At most ${MAX_RECIPIENTS} recipients`, field, { max: MAX_RECIPIENTS });
  to.forEach((a, i) => {
    if (a.length > 254 || !EMAIL.test(a)) throw badInput('INVALID_EMAIL', 'Not a valid e-mail address', `${field}.${i}`);
  });
  return to;
}

/** What the sending form proposes: the customer's address, the dossier's templates filled in. */
export async function emailDraftOf(ctx: RequestContext, doc: Document, reminderLevel?: number): Promise<EmailDraft> {
  const dossier = await ctx.platform(Dossier).findOneByOrFail({ id: ctx.dossierId });
  const party = await partyOf(ctx, doc);
  const values = await valuesOf(ctx, doc, party, dossier.name);
  const templates = reminderLevel ? reminderTemplates(dossier.settings, reminderLevel) : documentTemplates(dossier.settings);
  return { to: defaultRecipients(party), subject: fill(templates.subject, values), body: fill(templates.body, values) };
}

/** Enqueues one message per recipient with the PDF attached; returns the Message-IDs. */
async function enqueueWithPdf(tx: RequestContext, doc: Document, to: string[], subject: string, body: string): Promise<string[]> {
  const pdf = await documentPdf(tx, doc.id);
  const ids: string[] = [];
  for (const address of to) {
    const messageId = `<${randomUUID()}@comptoir.local>`;
    await tx.mail({
      to: address,
      subject,
      text: body,
      messageId,
      // The support team's outbox view shows who and when, not the dossier's business.
      secrets: [subject, body],
      attachments: [{ filename: pdf.fileName, contentType: 'application/pdf', content: pdf.bytes }],
    });
    ids.push(messageId);
  }
  return ids;
}

/**
 * Sends a document by e-mail with its PDF (the stored one for an issued invoice or
 * credit note): an unissued invoice is issued first when `issue` says so (CONFLICT
 * otherwise), a draft quote or purchase document becomes SENT. History: MAILED, with
 * recipients and Message-ID, in the same transaction as the outbox messages.
 */
export async function emailDocument(ctx: RequestContext, input: EmailInput): Promise<Document> {
  const subjectIn = optionalText(input.subject, 'input.subject', 200);
  const messageIn = optionalText(input.message, 'input.message', 10_000);
  return ctx.transaction(async (tx) => {
    let doc = await tx.scoped(Document, 'Document').get(input.documentId, { lock: true });
    assertDocumentAccess(tx, doc.type, 'write');
    if (doc.status === DocumentStatus.CANCELLED) throw conflict('WRONG_STATUS', 'A cancelled document is not sent', { currentStatus: doc.status });
    if (ISSUED_TYPES.has(doc.type) && doc.status === DocumentStatus.DRAFT) {
      if (!input.issue) throw conflict('WRONG_STATUS', 'This draft must be issued before it is sent: confirm with issue: true', { currentStatus: doc.status, currentVersion: doc.version });
      doc = await changeDocumentStatus(tx, doc.id, doc.version, DocumentStatus.ISSUED);
    } else if (NUMBERED_AT_CREATION.has(doc.type) && doc.status === DocumentStatus.DRAFT) {
      doc = await changeDocumentStatus(tx, doc.id, doc.version, DocumentStatus.SENT);
    }
    const draft = await emailDraftOf(tx, doc);
    const to = recipients(input.to, draft.to, 'input.to');
    const subject = subjectIn ?? draft.subject;
    const body = messageIn ?? draft.body;
    const ids = await enqueueWithPdf(tx, doc, to, subject, body);
    await recordHistory(tx, {
      entityType: HistoryEntityType.DOCUMENT,
      entityId: doc.id,
      documentId: doc.id,
      type: HistoryEntryType.MAILED,
      data: { label: `à ${to.join(', ')}`, messageId: ids.join(' '), subject },
    });
    return doc;
  });
}

export interface ReminderInput {
  invoiceId: string;
  level: number;
  to?: string[] | null;
  subject?: string | null;
  message?: string | null;
}

/** A payment reminder of an overdue invoice (level 1, 2, or 3 = mise en demeure), with its PDF; REMINDED in history. */
export async function sendReminder(ctx: RequestContext, input: ReminderInput): Promise<Document> {
  if (!Number.isInteger(input.level) || input.level < 1 || input.level > 3) throw badInput('OUT_OF_RANGE', 'level is 1, 2 or 3', 'input.level');
  const subjectIn = optionalText(input.subject, 'input.subject', 200);
  const messageIn = optionalText(input.message, 'input.message', 10_000);
  return ctx.transaction(async (tx) => {
    const doc = await tx.scoped(Document, 'Document').get(input.invoiceId, { lock: true });
    assertDocumentAccess(tx, doc.type, 'write');
    if (doc.type !== DocumentType.INVOICE) throw badInput('WRONG_DOCUMENT_TYPE', 'Reminders are for invoices', 'input.invoiceId');
    const overdue = (doc.status === DocumentStatus.ISSUED || doc.status === DocumentStatus.PARTIALLY_PAID) && daysLate(doc.dueDate, isoDay(clock.now())) > 0;
    if (!overdue) throw conflict('WRONG_STATUS', 'Only an unpaid invoice past its due date is reminded', { currentStatus: doc.status });
    const draft = await emailDraftOf(tx, doc, input.level);
    const to = recipients(input.to, draft.to, 'input.to');
    const subject = subjectIn ?? draft.subject;
    const ids = await enqueueWithPdf(tx, doc, to, subject, messageIn ?? draft.body);
    await recordHistory(tx, {
      entityType: HistoryEntityType.DOCUMENT,
      entityId: doc.id,
      documentId: doc.id,
      type: HistoryEntryType.REMINDED,
      data: { label: `Relance ${input.level} à ${to.join(', ')}`, messageId: ids.join(' '), subject, level: input.level },
    });
    return doc;
  });
}
