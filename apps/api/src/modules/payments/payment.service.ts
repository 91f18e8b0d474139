import { DocumentStatus, DocumentType, formatAmount, PAYMENT_METHOD_LABELS, PaymentMethod } from '@comptoir/schema';
import { In } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { badInput, conflict } from '../../core/errors';
import { clock, isoDay } from '../../core/clock';
import type { IssuedDocument } from '../../core/issue-hooks';
import { optionalText } from '../../core/input-validation';
import { assertDocumentAccess } from '../documents/document-access';
import { Document } from '../documents/document.entity';
import { HistoryEntityType, HistoryEntryType, type PaymentData } from '../history/history-entry.entity';
import { recordHistory } from '../history/history.service';
import { updateVersioned } from '../history/tracked';
import { recordPaymentEntry } from '../accounting/posting.service';
import { Payment } from './payment.entity';

const LABEL = 'Document';
/** Invoices that still take payments. */
const PAYABLE: readonly DocumentStatus[] = [DocumentStatus.ISSUED, DocumentStatus.PARTIALLY_PAID];
const SETTLED: readonly DocumentStatus[] = [DocumentStatus.ISSUED, DocumentStatus.PARTIALLY_PAID, DocumentStatus.PAID];

export interface PaymentInputValues {
  invoiceId: string;
  amountCents: number;
  date: string;
  method: PaymentMethod;
  reference?: string | null;
}

export interface InvoiceBalance {
  totalInclVatCents: number;
  paidCents: number;
  creditedCents: number;
  balanceDueCents: number;
}

/** Paid (payments) and credited (issued credit notes made from it) per invoice. */
export async function settlementsOf(ctx: RequestContext, invoiceIds: readonly string[]): Promise<Map<string, { paidCents: number; creditedCents: number }>> {
  const result = new Map(invoiceIds.map((id) => [id, { paidCents: 0, creditedCents: 0 }]));
  if (invoiceIds.length === 0) return result;
  const paid = await ctx
    .scoped(Payment, 'Payment')
    .query('p')
    .select('p.invoiceId', 'invoiceId')
    .addSelect('SUM(p.amountCents)', 'total')
    .andWhere('p.invoiceId IN (:...ids)', { ids: [...invoiceIds] })
    .groupBy('p.invoiceId')
    .getRawMany<{ invoiceId: string; total: string | number }>();
  for (const row of paid) result.get(row.invoiceId)!.paidCents = Number(row.total);
  const credited = await ctx
    .scoped(Document, LABEL)
    .query('c')
    .select('c.sourceDocumentId', 'invoiceId')
    .addSelect('SUM(c.totalInclVatCents)', 'total')
    .andWhere('c.type = :type AND c.status <> :draft', { type: DocumentType.CREDIT_NOTE, draft: DocumentStatus.DRAFT })
    .andWhere('c.sourceDocumentId IN (:...ids)', { ids: [...invoiceIds] })
    .groupBy('c.sourceDocumentId')
    .getRawMany<{ invoiceId: string; total: string | number }>();
  for (const row of credited) result.get(row.invoiceId)!.creditedCents = Number(row.total);
  return result;
}

export function balanceFrom(invoice: Pick<Document, 'totalInclVatCents'>, s: { paidCents: number; creditedCents: number }): InvoiceBalance {
  return {
    totalInclVatCents: invoice.totalInclVatCents,
    paidCents: s.paidCents,
    creditedCents: s.creditedCents,
    balanceDueCents: invoice.totalInclVatCents - s.paidCents - s.creditedCents,
  };
}

export async function balanceOf(ctx: RequestContext, invoice: Document): Promise<InvoiceBalance> {
  return balanceFrom(invoice, (await settlementsOf(ctx, [invoice.id])).get(invoice.id)!);
}

/** The status payments and credit notes give an issued invoice. */
export function settledStatus(balance: InvoiceBalance): DocumentStatus {
  if (balance.balanceDueCents <= 0) return DocumentStatus.PAID;
  return balance.paidCents + balance.creditedCents > 0 ? DocumentStatus.PARTIALLY_PAID : DocumentStatus.ISSUED;
}

/** Brings a locked, issued invoice's status in line with its balance (history entry when it moves). */
async function settle(tx: RequestContext, invoice: Document): Promise<void> {
  if (!SETTLED.includes(invoice.status)) return;
  const status = settledStatus(await balanceOf(tx, invoice));
  if (status === invoice.status) return;
  const from = invoice.status;
  await updateVersioned(tx, Document, LABEL, invoice, invoice.version, { status });
  await recordHistory(tx, {
    entityType: HistoryEntityType.DOCUMENT,
    entityId: invoice.id,
    documentId: invoice.id,
    type: HistoryEntryType.STATUS_CHANGED,
    data: { from, to: status },
  });
}

function paymentData(p: Payment): PaymentData {
  return {
    label: `${PAYMENT_METHOD_LABELS.fr[p.method] ?? p.method} ${formatAmount(p.amountCents)}${p.reference ? ` (${p.reference})` : ''}`,
    paymentId: p.id,
    amountCents: p.amountCents,
    method: p.method,
    date: p.date,
    reference: p.reference,
  };
}

/** The invoice, locked for the transaction (row lock on MySQL/MariaDB): concurrent payments are checked one after the other. */
async function lockedInvoice(tx: RequestContext, id: string, field: string): Promise<Document> {
  const invoice = await tx.scoped(Document, LABEL).get(id, { lock: true });
  assertDocumentAccess(tx, invoice.type, 'write');
  if (invoice.type !== DocumentType.INVOICE) throw badInput('WRONG_DOCUMENT_TYPE', 'Payments are recorded on invoices', field);
  return invoice;
}

/**
 * Records a payment of an issued invoice: never more than the balance due
 * (BAD_USER_INPUT OVERPAYMENT); the invoice becomes PARTIALLY_PAID, or PAID when
 * the balance reaches 0.
 */
export async function recordPayment(ctx: RequestContext, input: PaymentInputValues): Promise<Document> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) throw badInput('OUT_OF_RANGE', 'amountCents must be greater than 0', 'input.amountCents');
  if (!(Object.values(PaymentMethod) as string[]).includes(input.method)) throw badInput('INVALID_CHOICE', 'Unknown payment method', 'input.method');
  const reference = optionalText(input.reference, 'input.reference', 100);
  return ctx.transaction(async (tx) => {
    const invoice = await lockedInvoice(tx, input.invoiceId, 'input.invoiceId');
    if (!PAYABLE.includes(invoice.status)) {
      throw conflict('WRONG_STATUS', `This invoice is ${invoice.status}: it takes no payment`, { currentStatus: invoice.status, currentVersion: invoice.version });
    }
    const balance = await balanceOf(tx, invoice);
    if (input.amountCents > balance.balanceDueCents) {
      throw badInput('OVERPAYMENT', `Only ${balance.balanceDueCents} cents remain due on this invoice`, 'input.amountCents', { balanceDueCents: balance.balanceDueCents });
    }
    const repo = tx.scoped(Payment, 'Payment');
    const payment = repo.create({
      invoiceId: invoice.id,
      amountCents: input.amountCents,
      date: input.date,
      method: input.method,
      reference,
      createdById: tx.userId,
      createdAt: clock.now(),
    });
    await repo.insert(payment);
    await recordHistory(tx, {
      entityType: HistoryEntityType.DOCUMENT,
      entityId: invoice.id,
      documentId: invoice.id,
      type: HistoryEntryType.PAYMENT_RECORDED,
      data: paymentData(payment),
    });
    // Its bank-journal entry (512 / 411), refused in a collected period: nothing is written then.
    await recordPaymentEntry(tx, bankEntryOf(invoice, payment, payment.date, payment.amountCents));
    await settle(tx, invoice);
    return invoice;
  });
}

/** Deletes a payment (OWNER/ADV): recorded in the invoice's history, its status follows the balance. */
export async function deletePayment(ctx: RequestContext, id: string): Promise<Document> {
  return ctx.transaction(async (tx) => {
    const payment = await tx.scoped(Payment, 'Payment').get(id);
    const invoice = await lockedInvoice(tx, payment.invoiceId, 'id');
    await tx.scoped(Payment, 'Payment').delete({ id: payment.id });
    await recordHistory(tx, {
      entityType: HistoryEntityType.DOCUMENT,
      entityId: invoice.id,
      documentId: invoice.id,
      type: HistoryEntryType.PAYMENT_DELETED,
      data: paymentData(payment),
    });
    // Entries are immutable: the deletion is a reversing bank entry dated today (the payment's period may be collected).
    await recordPaymentEntry(tx, bankEntryOf(invoice, payment, isoDay(clock.now()), -payment.amountCents));
    await settle(tx, invoice);
    return invoice;
  });
}

function bankEntryOf(invoice: Document, payment: Payment, date: string, amountCents: number) {
  return {
    documentId: invoice.id,
    pieceRef: invoice.number ?? invoice.id,
    customerId: invoice.partyId!,
    customerName: invoice.partyName,
    date,
    amountCents,
    reference: [PAYMENT_METHOD_LABELS.fr[payment.method], payment.reference].filter(Boolean).join(' '),
  };
}

/** Issue listener: an issued credit note made from an invoice lowers its balance (and may settle it). */
export async function settleCreditedInvoice(tx: RequestContext, doc: IssuedDocument): Promise<void> {
  if (doc.type !== DocumentType.CREDIT_NOTE || !doc.sourceDocumentId) return;
  const invoice = await tx.scoped(Document, LABEL).get(doc.sourceDocumentId, { lock: true });
  await settle(tx, invoice);
}

export async function paymentsOf(ctx: RequestContext, invoiceIds: readonly string[]): Promise<Map<string, Payment[]>> {
  const byInvoice = new Map<string, Payment[]>(invoiceIds.map((id) => [id, []]));
  if (invoiceIds.length === 0) return byInvoice;
  const rows = await ctx.scoped(Payment, 'Payment').find({ where: { invoiceId: In([...invoiceIds]) }, order: { date: 'ASC', id: 'ASC' } });
  for (const row of rows) byInvoice.get(row.invoiceId)?.push(row);
  return byInvoice;
}

export function today(): string {
  return isoDay(clock.now());
}
