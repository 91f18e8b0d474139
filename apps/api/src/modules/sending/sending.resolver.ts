import { DocumentStatus, DocumentType } from '@comptoir/schema';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Auth, PROFILES } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import { GraphQLDateTime } from '../../core/scalars';
import { DOCUMENT_WRITERS, mayAccess } from '../documents/document-access';
import type { Document } from '../documents/document.entity';
import { DocumentGql } from '../documents/document.types';
import { HistoryEntry, HistoryEntryType } from '../history/history-entry.entity';
import { emailDocument, emailDraftOf, sendReminder, type EmailDraft } from './sending.service';
import { EmailDocumentInput, EmailDraftType, ReminderInput } from './sending.types';

/** Reminders sent per invoice (from its history): count and last one. */
const remindersLoader = (ctx: RequestContext) =>
  new DataLoader<string, { count: number; last: HistoryEntry | null }>(async (ids) => {
    const rows = await ctx.scoped(HistoryEntry).find({
      where: { dossierId: ctx.dossierId, documentId: In([...ids]), type: HistoryEntryType.REMINDED },
      order: { sequence: 'ASC' },
    });
    return ids.map((id) => {
      const mine = rows.filter((r) => r.documentId === id);
      return { count: mine.length, last: mine[mine.length - 1] ?? null };
    });
  });

/** Sending documents by e-mail with their PDF, and payment reminders. */
@Resolver(() => DocumentGql)
export class DocumentSendingResolver {
  @Mutation(() => DocumentGql, {
    description: 'Sends the document by e-mail with its PDF (issuing a draft invoice first when `issue` is true); recorded in history',
  })
  @Auth(...DOCUMENT_WRITERS)
  emailDocument(@Ctx() ctx: RequestContext, @Arg('input', () => EmailDocumentInput) input: EmailDocumentInput): Promise<Document> {
    return emailDocument(ctx, input);
  }

  @Mutation(() => DocumentGql, { description: 'Sends a payment reminder of an overdue invoice (level 1, 2 or 3 = mise en demeure) with its PDF' })
  @Auth(...PROFILES.invoicing)
  sendReminder(@Ctx() ctx: RequestContext, @Arg('input', () => ReminderInput) input: ReminderInput): Promise<Document> {
    return sendReminder(ctx, input);
  }

  @FieldResolver(() => EmailDraftType, {
    nullable: true,
    description: 'The sending form’s proposal (recipients, subject, message); `reminderLevel` for a reminder. Null when your profile cannot send it',
  })
  async emailDraft(
    @Root() doc: Document,
    @Ctx() ctx: RequestContext,
    @Arg('reminderLevel', () => Int, { nullable: true }) reminderLevel: number | null,
  ): Promise<EmailDraft | null> {
    if (!mayAccess(ctx, doc.type, 'write')) return null;
    const level = reminderLevel && reminderLevel >= 1 && reminderLevel <= 3 ? reminderLevel : undefined;
    return emailDraftOf(ctx, doc, level);
  }

  @FieldResolver(() => Int, { description: 'Invoice: payment reminders sent' })
  async remindersSent(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<number> {
    if (doc.type !== DocumentType.INVOICE || doc.status === DocumentStatus.DRAFT) return 0;
    return (await ctx.loader(remindersLoader).load(doc.id)).count;
  }

  @FieldResolver(() => GraphQLDateTime, { nullable: true, description: 'Invoice: when the last reminder was sent' })
  async lastRemindedAt(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<Date | null> {
    if (doc.type !== DocumentType.INVOICE || doc.status === DocumentStatus.DRAFT) return null;
    return (await ctx.loader(remindersLoader).load(doc.id)).last?.createdAt ?? null;
  }
}
