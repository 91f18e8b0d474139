import { AccountingJournalKind, DocumentType, typeLabel } from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import { clock, isoDay } from '../../core/clock';
import { badInput, notFound } from '../../core/errors';
import { Article } from '../articles/article.entity';
import { Customer } from '../parties/party.entity';
import { AccountingEntry, AccountingEntryLine, CustomerAccount } from './accounting.entity';
import { chartOf, codeStem, vatAccountOf, type ChartValues } from './chart';
import { counter, lockAccounting, openDay } from './periods';

/** What posting needs of an issued invoice or credit note (the documents module's row fits). */
export interface PostedDocument {
  id: string;
  type: DocumentType;
  number: string | null;
  date: string;
  partyId: string | null;
  partyName: string;
  totalInclVatCents: number;
  vatBreakdown: readonly { vatRateBp: number; baseCents: number; vatCents: number }[];
}

/** What posting needs of a document line. */
export interface PostedLine {
  articleId: string | null;
  totalExclVatCents: number;
  vatRateBp: number;
}

export type RevenueKind = 'GOODS' | 'SERVICES';

/** One line of an entry before it is written. */
export interface EntryLineDraft {
  accountNumber: string;
  accountLabel: string;
  auxiliaryAccount: string | null;
  auxiliaryLabel: string | null;
  debitCents: number;
  creditCents: number;
  vatRateBp: number | null;
}

const percent = (bp: number) => `${(bp / 100).toString().replace('.', ',')} %`;

/** A signed amount on the debit (> 0) or the credit (< 0) side. */
function side(amount: number): { debitCents: number; creditCents: number } {
  return amount >= 0 ? { debitCents: amount, creditCents: 0 } : { debitCents: 0, creditCents: -amount };
}

/**
 * The sales-journal lines of an invoice (a credit note: the reverse): debit the
 * customer's auxiliary account with the total incl. VAT, credit revenue per revenue
 * account and VAT rate with the sum of its lines excl. VAT, credit output VAT per rate
 * with the document's VAT of that rate. The document's totals are computed the same
 * way (base per rate = sum of its lines, incl. VAT = bases + VAT), so the entry
 * balances to the cent whatever the rounding of lines; checked anyway.
 */
export function salesEntryLines(
  chart: ChartValues,
  doc: PostedDocument,
  lines: readonly PostedLine[],
  kindOf: (line: PostedLine) => RevenueKind,
  customer: { auxiliaryAccount: string; label: string },
): EntryLineDraft[] {
  const sign = doc.type === DocumentType.CREDIT_NOTE ? -1 : 1;
  const drafts: EntryLineDraft[] = [];
  drafts.push({
    accountNumber: chart.customerAccount,
    accountLabel: 'Clients',
    auxiliaryAccount: customer.auxiliaryAccount,
    auxiliaryLabel: customer.label,
    ...side(sign * doc.totalInclVatCents),
    vatRateBp: null,
  });
  const revenue = new Map<string, { account: string; kind: RevenueKind; vatRateBp: number; cents: number }>();
  for (const line of lines) {
    const kind = kindOf(line);
    const account = kind === 'GOODS' ? chart.goodsRevenueAccount : chart.servicesRevenueAccount;
    const key = `${account}|${line.vatRateBp}`;
    const group = revenue.get(key) ?? { account, kind, vatRateBp: line.vatRateBp, cents: 0 };
    group.cents += line.totalExclVatCents;
    revenue.set(key, group);
  }
  for (const group of [...revenue.values()].sort((a, b) => a.account.localeCompare(b.account) || b.vatRateBp - a.vatRateBp)) {
    if (group.cents === 0) continue;
    drafts.push({
      accountNumber: group.account,
      accountLabel: `${group.kind === 'GOODS' ? 'Ventes de marchandises' : 'Prestations de services'} ${percent(group.vatRateBp)}`,
      auxiliaryAccount: null,
      auxiliaryLabel: null,
      ...side(-sign * group.cents),
      vatRateBp: group.vatRateBp,
    });
  }
  for (const vat of [...doc.vatBreakdown].sort((a, b) => b.vatRateBp - a.vatRateBp)) {
    if (vat.vatCents === 0) continue;
    drafts.push({
      accountNumber: vatAccountOf(chart, vat.vatRateBp),
      accountLabel: `TVA collectée ${percent(vat.vatRateBp)}`,
      auxiliaryAccount: null,
      auxiliaryLabel: null,
      ...side(-sign * vat.vatCents),
      vatRateBp: vat.vatRateBp,
    });
  }
  assertBalanced(drafts, doc.number ?? doc.id);
  return drafts;
}

function assertBalanced(lines: readonly EntryLineDraft[], what: string): void {
  const debit = lines.reduce((s, l) => s + l.debitCents, 0);
  const credit = lines.reduce((s, l) => s + l.creditCents, 0);
  if (debit !== credit) throw new Error(`The entry of ${what} does not balance: debit ${debit}, credit ${credit}`);
}

/** The customer's auxiliary code: the stored one, or a new one from its name (unique in the dossier). */
export async function customerAccountFor(ctx: RequestContext, customerId: string, name: string): Promise<CustomerAccount> {
  const repo = ctx.scoped(CustomerAccount, 'Customer account');
  const existing = await repo.findOneBy({ customerId });
  if (existing) return existing;
  const code = await freeCode(ctx, codeStem(name));
  const account = repo.create({ customerId, code, usedAt: null });
  await repo.insert(account);
  return account;
}

/** `stem`, else `stem2`, `stem3`… whichever no customer of the dossier has. */
export async function freeCode(ctx: RequestContext, stem: string): Promise<string> {
  const taken = new Set(
    (await ctx.scoped(CustomerAccount, 'Customer account').query('a').select(['a.code']).andWhere('a.code LIKE :stem', { stem: `${stem}%` }).getMany()).map(
      (a) => a.code,
    ),
  );
  if (!taken.has(stem)) return stem;
  for (let i = 2; ; i++) if (!taken.has(`${stem}${i}`)) return `${stem}${i}`;
}

interface EntryHeader {
  journalKind: AccountingJournalKind;
  day: string;
  mode: 'refuse' | 'roll';
  documentId: string | null;
  pieceRef: string;
  pieceDate: string;
  label: string;
  customerAccount: CustomerAccount | null;
}

/** Writes a balanced entry in the open period of its date (see `openDay`), numbered in its journal. */
async function writeEntry(tx: RequestContext, chart: ChartValues, header: EntryHeader, drafts: EntryLineDraft[]): Promise<AccountingEntry> {
  assertBalanced(drafts, header.pieceRef);
  const { day } = await openDay(tx, header.day, header.mode);
  const bank = header.journalKind === AccountingJournalKind.BANK;
  const journalCode = bank ? chart.bankJournalCode : chart.salesJournalCode;
  const entries = tx.scoped(AccountingEntry, 'Accounting entry');
  const entry = entries.create({
    journalKind: header.journalKind,
    journalCode,
    journalName: bank ? chart.bankJournalName : chart.salesJournalName,
    number: await counter(tx, `JOURNAL:${journalCode}`),
    entryDate: day,
    documentId: header.documentId,
    pieceRef: header.pieceRef.slice(0, 40),
    pieceDate: header.pieceDate,
    label: header.label.slice(0, 200),
    totalDebitCents: drafts.reduce((s, l) => s + l.debitCents, 0),
    totalCreditCents: drafts.reduce((s, l) => s + l.creditCents, 0),
    validatedAt: clock.now(),
    createdById: tx.userId,
  });
  await entries.insert(entry);
  const lines = tx.scoped(AccountingEntryLine, 'Accounting entry line');
  const rows = drafts.map((d, position) => lines.create({ ...d, entryId: entry.id, position, accountLabel: d.accountLabel.slice(0, 100), auxiliaryLabel: d.auxiliaryLabel?.slice(0, 160) ?? null }));
  for (let i = 0; i < rows.length; i += 50) await lines.insert(rows.slice(i, i + 50));
  if (header.customerAccount && !header.customerAccount.usedAt) {
    await tx.scoped(CustomerAccount, 'Customer account').update({ id: header.customerAccount.id }, { usedAt: entry.validatedAt });
  }
  return entry;
}

/**
 * The one call the documents module makes when an invoice or credit note is issued,
 * inside the issuing transaction: refuses (CONFLICT PERIOD_COLLECTED, the whole issue
 * rolled back) an invoice dated in a collected period; writes its sales-journal entry
 * (a credit note's falls in the next open period when its own is collected).
 */
export async function postIssuedDocument(tx: RequestContext, doc: PostedDocument, lines: readonly PostedLine[]): Promise<AccountingEntry> {
  if (!tx.inTransaction) throw new Error('entries are written in the transaction that issues the document');
  if (doc.type !== DocumentType.INVOICE && doc.type !== DocumentType.CREDIT_NOTE) throw new Error(`${doc.type} has no sales entry`);
  if (!doc.partyId) throw new Error('an issued document has a customer');
  await lockAccounting(tx);
  const chart = await chartOf(tx);
  const customer = await customerAccountFor(tx, doc.partyId, doc.partyName);
  const articleIds = [...new Set(lines.map((l) => l.articleId).filter((id): id is string => !!id))];
  const articles = new Map((await tx.scoped(Article, 'Article').findByIds(articleIds)).map((a) => [a.id, a]));
  const kindOf = (line: PostedLine): RevenueKind => (line.articleId && articles.get(line.articleId)?.kind === 'GOODS' ? 'GOODS' : 'SERVICES');
  const drafts = salesEntryLines(chart, doc, lines, kindOf, { auxiliaryAccount: `411${customer.code}`, label: doc.partyName || 'Client' });
  const number = doc.number ?? '';
  return writeEntry(
    tx,
    chart,
    {
      journalKind: AccountingJournalKind.SALES,
      day: doc.date,
      mode: doc.type === DocumentType.CREDIT_NOTE ? 'roll' : 'refuse',
      documentId: doc.id,
      pieceRef: number,
      pieceDate: doc.date,
      label: `${typeLabel(doc.type)} ${number} ${doc.partyName}`.trim(),
      customerAccount: customer,
    },
    drafts,
  );
}

export interface PaymentEntryInput {
  /** The invoice paid. */
  documentId: string;
  /** Its number (PieceRef). */
  pieceRef: string;
  customerId: string;
  customerName: string;
  /** Day of payment, YYYY-MM-DD (refused in a collected period). */
  date: string;
  /** Amount received, > 0 (< 0: a refund). */
  amountCents: number;
  /** Payment method or reference, in the entry's label. */
  reference?: string | null;
}

/**
 * The bank-journal entry of a payment: debit the bank account (512…), credit the
 * customer's auxiliary account (411…). Runs in the caller's transaction (the one
 * that records the payment), or its own.
 */
export async function recordPaymentEntry(ctx: RequestContext, input: PaymentEntryInput): Promise<AccountingEntry> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents === 0) throw badInput('OUT_OF_RANGE', 'amountCents must be a non-zero whole number of cents', 'amountCents');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) throw badInput('INVALID_DATE', 'date must be YYYY-MM-DD', 'date');
  return ctx.transaction(async (tx) => {
    await lockAccounting(tx);
    const customer = await tx.scoped(Customer, 'Customer').findOneBy({ id: input.customerId });
    if (!customer) throw notFound('Customer', input.customerId);
    const chart = await chartOf(tx);
    const account = await customerAccountFor(tx, customer.id, input.customerName || customer.legalName);
    const drafts: EntryLineDraft[] = [
      { accountNumber: chart.bankAccount, accountLabel: 'Banque', auxiliaryAccount: null, auxiliaryLabel: null, ...side(input.amountCents), vatRateBp: null },
      {
        accountNumber: chart.customerAccount,
        accountLabel: 'Clients',
        auxiliaryAccount: `411${account.code}`,
        auxiliaryLabel: input.customerName || customer.legalName,
        ...side(-input.amountCents),
        vatRateBp: null,
      },
    ];
    return writeEntry(
      tx,
      chart,
      {
        journalKind: AccountingJournalKind.BANK,
        day: input.date,
        mode: 'refuse',
        documentId: input.documentId,
        pieceRef: input.pieceRef,
        pieceDate: input.date,
        label: `Règlement ${input.pieceRef} ${input.customerName || customer.legalName}${input.reference ? ` ${input.reference}` : ''}`,
        customerAccount: account,
      },
      drafts,
    );
  });
}

/** Today, for callers that date a payment now. */
export const today = (): string => isoDay(clock.now());
