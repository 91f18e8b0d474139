import { DocumentType } from '@comptoir/schema';
import { In, Not } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { Document, DocumentStatus } from '../documents/document.entity';
import { Dossier } from '../identity/dossier.entity';
import { clock, isoDay } from '../../core/clock';
import { HistoryEntry } from '../history/history-entry.entity';
import { toHistoryView } from '../history/history.types';
import { Customer } from '../parties/party.entity';
import type {
  AccountingDashboard,
  ActivityItem,
  CommercialDashboard,
  DocumentsSummary,
  PurchasesDashboard,
  QuoteStatusCount,
  RevenueSummary,
  UnpaidSummary,
} from './dashboard.types';

// Each figure is one aggregate query (GROUP BY) or one bounded list: the cost of a
// dashboard does not grow with the number of documents it shows. Every query goes
// through the dossier-scoped repository (`ctx.scoped`).

/** Rows shown per list on the home page. */
export const LIST_SIZE = 5;
const ACTIVITY_SIZE = 8;

/** Today as documents are dated (`YYYY-MM-DD`, the date the API stamps on issue). */
export function today(): string {
  return isoDay(clock.now());
}

const num = (value: unknown): number => Number(value ?? 0);

/** Count and total (HT) of the documents matching `where`, and the first `LIST_SIZE` of them. */
async function summary(
  ctx: RequestContext,
  where: { types: DocumentType[]; statuses: DocumentStatus[]; createdById?: string; from?: string; to?: string },
  order: 'oldest' | 'newest' = 'oldest',
): Promise<DocumentsSummary> {
  const base = () => {
    const qb = ctx
      .scoped(Document, 'Document')
      .query('d')
      .andWhere('d.type IN (:...types)', { types: where.types })
      .andWhere('d.status IN (:...statuses)', { statuses: where.statuses });
    if (where.createdById) qb.andWhere('d.createdById = :me', { me: where.createdById });
    if (where.from) qb.andWhere('d.date >= :from', { from: where.from });
    if (where.to) qb.andWhere('d.date <= :to', { to: where.to });
    return qb;
  };
  const totals = await base().select('COUNT(*)', 'count').addSelect('COALESCE(SUM(d.totalExclVatCents), 0)', 'total').getRawOne<{ count: unknown; total: unknown }>();
  const direction = order === 'oldest' ? 'ASC' : 'DESC';
  const documents = num(totals?.count) === 0 ? [] : await base().orderBy('d.date', direction).addOrderBy('d.createdAt', direction).take(LIST_SIZE).getMany();
  return { count: num(totals?.count), totalExclVatCents: num(totals?.total), documents };
}

// ---------------------------------------------------------------------------
// OWNER / ADV

export async function revenueSummary(ctx: RequestContext, day: string): Promise<RevenueSummary> {
  const year = Number(day.slice(0, 4));
  const monthDay = day.slice(5);
  const lastYear = year - 1;
  // One row per (type, month, before-or-after today's day of the year) since 1 January last year.
  const rows = await ctx
    .scoped(Document, 'Document')
    .query('d')
    .select('d.type', 'type')
    .addSelect('SUBSTR(d.date, 1, 7)', 'month')
    .addSelect('CASE WHEN SUBSTR(d.date, 6, 5) <= :monthDay THEN 1 ELSE 0 END', 'toDate')
    .addSelect('SUM(d.totalExclVatCents)', 'cents')
    .andWhere('d.type IN (:...types)', { types: [DocumentType.INVOICE, DocumentType.CREDIT_NOTE] })
    .andWhere('d.status IN (:...statuses)', { statuses: [DocumentStatus.ISSUED, DocumentStatus.PARTIALLY_PAID, DocumentStatus.PAID] })
    .andWhere('d.date >= :from AND d.date <= :to', { from: `${lastYear}-01-01`, to: day, monthDay })
    .groupBy('d.type')
    .addGroupBy('SUBSTR(d.date, 1, 7)')
    .addGroupBy('CASE WHEN SUBSTR(d.date, 6, 5) <= :monthDay THEN 1 ELSE 0 END')
    .getRawMany<{ type: DocumentType; month: string; toDate: unknown; cents: unknown }>();

  const byMonth = new Map<string, number>();
  let lastYearToDate = 0;
  for (const row of rows) {
    const signed = row.type === DocumentType.CREDIT_NOTE ? -num(row.cents) : num(row.cents);
    byMonth.set(row.month, (byMonth.get(row.month) ?? 0) + signed);
    if (row.month.startsWith(String(lastYear)) && num(row.toDate) === 1) lastYearToDate += signed;
  }
  const months = Array.from({ length: 12 }, (_, i) => {
    const mm = String(i + 1).padStart(2, '0');
    return { month: `${year}-${mm}`, revenueCents: byMonth.get(`${year}-${mm}`) ?? 0, lastYearCents: byMonth.get(`${lastYear}-${mm}`) ?? 0 };
  });
  const thisMonth = months[Number(day.slice(5, 7)) - 1];
  return {
    thisMonthCents: thisMonth.revenueCents,
    thisMonthLastYearCents: thisMonth.lastYearCents,
    yearToDateCents: months.reduce((sum, m) => sum + m.revenueCents, 0),
    lastYearToDateCents: lastYearToDate,
    lastYearCents: months.reduce((sum, m) => sum + m.lastYearCents, 0),
    months,
  };
}

/** `YYYY-MM-DD` + `days` (UTC calendar arithmetic). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
}

const dayDiff = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Issued invoices not yet paid (ISSUED or PARTIALLY_PAID; payments and issued credit
 * notes move an invoice to PAID when its balance reaches 0, modules/payments); the
 * amounts here are the invoices' totals incl. VAT. Due date: the invoice's own, else its
 * issue date + the customer's payment terms, else + the dossier's.
 */
export async function unpaidSummary(ctx: RequestContext, day: string): Promise<UnpaidSummary> {
  const invoices = await ctx
    .scoped(Document, 'Document')
    .query('d')
    .andWhere('d.type = :type AND d.status IN (:...statuses)', { type: DocumentType.INVOICE, statuses: [DocumentStatus.ISSUED, DocumentStatus.PARTIALLY_PAID] })
    .getMany();
  if (invoices.length === 0) return { count: 0, totalInclVatCents: 0, overdueCount: 0, overdueInclVatCents: 0, invoices: [] };

  const partyIds = [...new Set(invoices.map((d) => d.partyId).filter((id): id is string => !!id))];
  const customers = partyIds.length ? await ctx.scoped(Customer, 'Customer').find({ where: { id: In(partyIds) }, select: { id: true, paymentTermsDays: true } }) : [];
  const terms = new Map(customers.map((c) => [c.id, c.paymentTermsDays]));
  const dossier = await ctx.platform(Dossier).findOne({ where: { id: ctx.dossierId }, select: { id: true, settings: true } });
  const dossierTerms = dossier?.settings.paymentTermsDays ?? 30;

  const judged = invoices
    .map((document) => {
      const dueDate = document.dueDate ?? addDays(document.date, (document.partyId ? terms.get(document.partyId) : undefined) ?? dossierTerms);
      return { document, dueDate, daysOverdue: Math.max(0, dayDiff(dueDate, day)) };
    })
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.document.date.localeCompare(b.document.date));
  const overdue = judged.filter((u) => u.daysOverdue > 0);
  return {
    count: judged.length,
    totalInclVatCents: judged.reduce((sum, u) => sum + u.document.totalInclVatCents, 0),
    overdueCount: overdue.length,
    overdueInclVatCents: overdue.reduce((sum, u) => sum + u.document.totalInclVatCents, 0),
    invoices: judged.slice(0, LIST_SIZE),
  };
}

export function quotesAwaiting(ctx: RequestContext): Promise<DocumentsSummary> {
  return summary(ctx, { types: [DocumentType.QUOTE], statuses: [DocumentStatus.SENT] });
}

/** The latest history entries written by the other members of the dossier. */
export async function colleaguesActivity(ctx: RequestContext): Promise<ActivityItem[]> {
  const entries = await ctx.scoped(HistoryEntry).find({
    where: { dossierId: ctx.dossierId, userId: Not(ctx.userId) },
    order: { sequence: 'DESC' },
    take: ACTIVITY_SIZE,
  });
  return entries.map((entry) => ({ entry: toHistoryView(entry) }));
}

// ---------------------------------------------------------------------------
// COMMERCIAL (and OWNER/ADV for their own quotes)

const QUOTE_STATUSES = [DocumentStatus.DRAFT, DocumentStatus.SENT, DocumentStatus.ACCEPTED, DocumentStatus.REFUSED];

export async function commercialDashboard(ctx: RequestContext): Promise<CommercialDashboard> {
  const me = ctx.userId;
  const rows = await ctx
    .scoped(Document, 'Document')
    .query('d')
    .select('d.status', 'status')
    .addSelect('COUNT(*)', 'count')
    .addSelect('COALESCE(SUM(d.totalExclVatCents), 0)', 'total')
    .andWhere('d.type = :type AND d.createdById = :me', { type: DocumentType.QUOTE, me })
    .groupBy('d.status')
    .getRawMany<{ status: DocumentStatus; count: unknown; total: unknown }>();
  const byStatus: QuoteStatusCount[] = QUOTE_STATUSES.map((status) => {
    const row = rows.find((r) => r.status === status);
    return { status, count: num(row?.count), totalExclVatCents: num(row?.total) };
  });
  const count = (status: DocumentStatus) => byStatus.find((s) => s.status === status)!.count;
  const decidedOrPending = count(DocumentStatus.ACCEPTED) + count(DocumentStatus.REFUSED) + count(DocumentStatus.SENT);
  return {
    byStatus,
    conversionRate: decidedOrPending === 0 ? null : count(DocumentStatus.ACCEPTED) / decidedOrPending,
    awaiting: await summary(ctx, { types: [DocumentType.QUOTE], statuses: [DocumentStatus.SENT], createdById: me }),
    drafts: await summary(ctx, { types: [DocumentType.QUOTE], statuses: [DocumentStatus.DRAFT], createdById: me }, 'newest'),
  };
}

// ---------------------------------------------------------------------------
// ACHAT

export async function purchasesDashboard(ctx: RequestContext): Promise<PurchasesDashboard> {
  return {
    openPriceRequests: await summary(ctx, { types: [DocumentType.PRICE_REQUEST], statuses: [DocumentStatus.DRAFT, DocumentStatus.SENT] }),
    ordersToReceive: await summary(ctx, { types: [DocumentType.SUPPLIER_ORDER], statuses: [DocumentStatus.SENT] }),
  };
}

// ---------------------------------------------------------------------------
// ACCOUNTANT

export async function accountingDashboard(ctx: RequestContext, day: string): Promise<AccountingDashboard> {
  const month = day.slice(0, 7);
  const period = { from: `${month}-01`, to: `${month}-31` };
  return {
    month,
    invoices: await summary(ctx, { types: [DocumentType.INVOICE], statuses: [DocumentStatus.ISSUED, DocumentStatus.PARTIALLY_PAID, DocumentStatus.PAID], ...period }, 'newest'),
    creditNotes: await summary(ctx, { types: [DocumentType.CREDIT_NOTE], statuses: [DocumentStatus.ISSUED], ...period }, 'newest'),
  };
}
