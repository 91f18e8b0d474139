import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Auth, PROFILES } from '../../core/auth/policy';
import type { Document } from '../documents/document.entity';
import { DocumentGql } from '../documents/document.types';
import { HistoryEntryView } from '../history/history.types';

// The home page of each profile. Every type carries its own @auth: the same
// profiles as the root query that returns it (SPEC.md's matrix for the documents it
// summarises), so a type reused elsewhere cannot widen who reads it.

@ObjectType('MonthRevenue', { description: 'Revenue of one calendar month and of the same month a year earlier (HT, cents)' })
@Auth(...PROFILES.invoicing)
export class MonthRevenue {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => GraphQLSafeInt, { description: 'Issued invoices minus issued credit notes, excl. VAT' })
  revenueCents: number;

  @Field(() => GraphQLSafeInt, { description: 'The same month of the previous year' })
  lastYearCents: number;
}

@ObjectType('RevenueSummary', { description: 'Revenue excl. VAT: issued invoices (paid or not) minus issued credit notes, by issue date' })
@Auth(...PROFILES.invoicing)
export class RevenueSummary {
  @Field(() => GraphQLSafeInt)
  thisMonthCents: number;

  @Field(() => GraphQLSafeInt, { description: 'The same month last year' })
  thisMonthLastYearCents: number;

  @Field(() => GraphQLSafeInt, { description: 'From 1 January to today' })
  yearToDateCents: number;

  @Field(() => GraphQLSafeInt, { description: 'Last year, from 1 January to the same day' })
  lastYearToDateCents: number;

  @Field(() => GraphQLSafeInt, { description: 'The whole of last year' })
  lastYearCents: number;

  @Field(() => [MonthRevenue], { description: 'January to December of this year, each with last year’s figure' })
  months: MonthRevenue[];
}

@ObjectType('UnpaidInvoice', { description: 'An issued invoice not marked paid, with the due date it is judged on' })
@Auth(...PROFILES.invoicing)
export class UnpaidInvoice {
  @Field(() => DocumentGql)
  document: Document;

  @Field({ description: 'YYYY-MM-DD: the invoice’s due date, else issue date + the customer’s (or the dossier’s) payment terms' })
  dueDate: string;

  @Field(() => Int, { description: 'Days past the due date (0 when not yet due)' })
  daysOverdue: number;
}

@ObjectType('UnpaidSummary', { description: 'Issued invoices not yet paid (TTC, cents)' })
@Auth(...PROFILES.invoicing)
export class UnpaidSummary {
  @Field(() => Int)
  count: number;

  @Field(() => GraphQLSafeInt)
  totalInclVatCents: number;

  @Field(() => Int)
  overdueCount: number;

  @Field(() => GraphQLSafeInt)
  overdueInclVatCents: number;

  @Field(() => [UnpaidInvoice], { description: 'The first ones by due date (most overdue first)' })
  invoices: UnpaidInvoice[];
}

@ObjectType('DocumentsSummary', { description: 'A count, a total and the first documents of a group' })
@Auth(...PROFILES.all)
export class DocumentsSummary {
  @Field(() => Int)
  count: number;

  @Field(() => GraphQLSafeInt, { description: 'Excl. VAT, cents' })
  totalExclVatCents: number;

  @Field(() => [DocumentGql], { description: 'The oldest first (what to follow up)' })
  documents: Document[];
}

@ObjectType('ActivityItem', { description: 'An action of a colleague, from the dossier’s history' })
@Auth(...PROFILES.invoicing)
export class ActivityItem {
  @Field(() => HistoryEntryView)
  entry: HistoryEntryView;

  @Field(() => DocumentGql, { nullable: true, description: 'The document the action was on (null once deleted, or for another record)' })
  document?: Document | null;

  @Field(() => String, { nullable: true, description: 'The customer, supplier or article the action was on: its name' })
  subject?: string | null;
}

@ObjectType('SalesDashboard', { description: 'Home of OWNER and ADV' })
@Auth(...PROFILES.invoicing)
export class SalesDashboard {
  @Field({ description: 'YYYY-MM-DD the figures are computed for' })
  today: string;

  @Field(() => RevenueSummary)
  revenue: RevenueSummary;

  @Field(() => UnpaidSummary)
  unpaid: UnpaidSummary;

  @Field(() => DocumentsSummary, { description: 'Quotes sent and not yet accepted or refused' })
  quotesAwaiting: DocumentsSummary;

  @Field(() => [ActivityItem], { description: 'The latest actions of the other members, newest first' })
  activity: ActivityItem[];
}

@ObjectType('QuoteStatusCount', { description: 'Quotes of one status' })
@Auth(...PROFILES.sales)
export class QuoteStatusCount {
  @Field()
  status: string;

  @Field(() => Int)
  count: number;

  @Field(() => GraphQLSafeInt, { description: 'Excl. VAT, cents' })
  totalExclVatCents: number;
}

@ObjectType('CommercialDashboard', { description: 'The quotes the session’s user created' })
@Auth(...PROFILES.sales)
export class CommercialDashboard {
  @Field(() => [QuoteStatusCount], { description: 'DRAFT, SENT, ACCEPTED, REFUSED: each status, even when empty' })
  byStatus: QuoteStatusCount[];

  @Field(() => Float, { nullable: true, description: 'Accepted ÷ (accepted + refused + still awaiting), 0 to 1; null before any quote is sent' })
  conversionRate: number | null;

  @Field(() => DocumentsSummary, { description: 'Sent, awaiting the customer’s answer' })
  awaiting: DocumentsSummary;

  @Field(() => DocumentsSummary, { description: 'Drafts not yet sent' })
  drafts: DocumentsSummary;
}

@ObjectType('PurchasesDashboard', { description: 'Home of ACHAT' })
@Auth(...PROFILES.purchases)
export class PurchasesDashboard {
  @Field(() => DocumentsSummary, { description: 'Price requests in draft or sent, not yet answered' })
  openPriceRequests: DocumentsSummary;

  @Field(() => DocumentsSummary, { description: 'Supplier orders sent, not yet received' })
  ordersToReceive: DocumentsSummary;
}

@ObjectType('AccountingDashboard', { description: 'Home of ACCOUNTANT: what was issued this month (batches come with the accounting exports)' })
@Auth(...PROFILES.invoicingRead)
export class AccountingDashboard {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => DocumentsSummary, { description: 'Invoices issued this month, newest first' })
  invoices: DocumentsSummary;

  @Field(() => DocumentsSummary, { description: 'Credit notes issued this month, newest first' })
  creditNotes: DocumentsSummary;
}
