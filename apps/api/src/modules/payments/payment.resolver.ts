import { DocumentStatus, DocumentType, daysLate } from '@comptoir/schema';
import DataLoader from 'dataloader';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Auth, PROFILES } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import { Document } from '../documents/document.entity';
import { DocumentGql } from '../documents/document.types';
import { UserSummary, userSummaryLoader } from '../identity/user-summary.type';
import type { Payment } from './payment.entity';
import { balanceFrom, deletePayment, paymentsOf, recordPayment, settlementsOf, today } from './payment.service';
import { PaymentInput, PaymentType } from './payment.types';

const paymentsLoader = (ctx: RequestContext) =>
  new DataLoader<string, Payment[]>(async (ids) => {
    const found = await paymentsOf(ctx, ids);
    return ids.map((id) => found.get(id) ?? []);
  });

const settlementsLoader = (ctx: RequestContext) =>
  new DataLoader<string, { paidCents: number; creditedCents: number }>(async (ids) => {
    const found = await settlementsOf(ctx, ids);
    return ids.map((id) => found.get(id) ?? { paidCents: 0, creditedCents: 0 });
  });

const issuedInvoice = (doc: Document) => doc.type === DocumentType.INVOICE && doc.status !== DocumentStatus.DRAFT;

/** Payments and balance of invoices: fields added to `Document`, and the payment mutations. */
@Resolver(() => DocumentGql)
export class InvoicePaymentsResolver {
  @Mutation(() => DocumentGql, { description: 'Records a payment of an issued invoice (at most its balance due); returns the invoice' })
  @Auth(...PROFILES.invoicing)
  recordPayment(@Ctx() ctx: RequestContext, @Arg('input', () => PaymentInput) input: PaymentInput): Promise<Document> {
    return recordPayment(ctx, input);
  }

  @Mutation(() => DocumentGql, { description: 'Deletes a payment (OWNER/ADV), recorded in the invoice history; returns the invoice' })
  @Auth(...PROFILES.invoicing)
  deletePayment(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Document> {
    return deletePayment(ctx, id);
  }

  @FieldResolver(() => [PaymentType], { description: 'Invoice: payments received, oldest first' })
  async payments(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<Payment[]> {
    return issuedInvoice(doc) ? ctx.loader(paymentsLoader).load(doc.id) : [];
  }

  @FieldResolver(() => GraphQLSafeInt, { nullable: true, description: 'Issued invoice: sum of its payments, cents' })
  async amountPaidCents(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<number | null> {
    return issuedInvoice(doc) ? (await ctx.loader(settlementsLoader).load(doc.id)).paidCents : null;
  }

  @FieldResolver(() => GraphQLSafeInt, { nullable: true, description: 'Issued invoice: total of its issued credit notes, cents' })
  async amountCreditedCents(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<number | null> {
    return issuedInvoice(doc) ? (await ctx.loader(settlementsLoader).load(doc.id)).creditedCents : null;
  }

  @FieldResolver(() => GraphQLSafeInt, { nullable: true, description: 'Issued invoice: total incl. VAT − payments − credit notes, cents' })
  async balanceDueCents(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<number | null> {
    return issuedInvoice(doc) ? balanceFrom(doc, await ctx.loader(settlementsLoader).load(doc.id)).balanceDueCents : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Invoice issued or partially paid past its due date: days late (else null)' })
  daysLate(@Root() doc: Document): number | null {
    if (doc.type !== DocumentType.INVOICE || (doc.status !== DocumentStatus.ISSUED && doc.status !== DocumentStatus.PARTIALLY_PAID)) return null;
    const late = daysLate(doc.dueDate, today());
    return late > 0 ? late : null;
  }
}

@Resolver(() => PaymentType)
export class PaymentResolver {
  @FieldResolver(() => UserSummary, { nullable: true })
  createdBy(@Root() payment: Payment, @Ctx() ctx: RequestContext) {
    return ctx.loader(userSummaryLoader).load(payment.createdById);
  }
}
