import DataLoader from 'dataloader';
import type { RequestContext } from '../../core/context';
import { Article } from '../articles/article.entity';
import { Customer, Supplier } from '../parties/party.entity';
import { Document, type DocumentLine } from './document.entity';
import { creditedByLine, linesOf } from './document.service';

/** Per-request loaders: a page of documents costs one query per relation, whatever its size. */

export const documentLinesLoader = (ctx: RequestContext) =>
  new DataLoader<string, DocumentLine[]>(async (ids) => {
    const found = await linesOf(ctx, ids);
    return ids.map((id) => found.get(id) ?? []);
  });

export const documentLoader = (ctx: RequestContext) =>
  new DataLoader<string, Document | null>(async (ids) => {
    const found = new Map((await ctx.scoped(Document, 'Document').findByIds(ids)).map((d) => [d.id, d]));
    return ids.map((id) => found.get(id) ?? null);
  });

export const derivedDocumentsLoader = (ctx: RequestContext) =>
  new DataLoader<string, Document[]>(async (ids) => {
    const rows = await ctx
      .scoped(Document, 'Document')
      .query('d')
      .andWhere('d.sourceDocumentId IN (:...ids)', { ids: [...ids] })
      .orderBy('d.createdAt', 'ASC')
      .getMany();
    return ids.map((id) => rows.filter((d) => d.sourceDocumentId === id));
  });

export const customerLoader = (ctx: RequestContext) =>
  new DataLoader<string, Customer | null>(async (ids) => {
    const found = new Map((await ctx.scoped(Customer, 'Customer').findByIds(ids)).map((c) => [c.id, c]));
    return ids.map((id) => found.get(id) ?? null);
  });

export const supplierLoader = (ctx: RequestContext) =>
  new DataLoader<string, Supplier | null>(async (ids) => {
    const found = new Map((await ctx.scoped(Supplier, 'Supplier').findByIds(ids)).map((s) => [s.id, s]));
    return ids.map((id) => found.get(id) ?? null);
  });

export const articleLoader = (ctx: RequestContext) =>
  new DataLoader<string, Article | null>(async (ids) => {
    const found = new Map((await ctx.scoped(Article, 'Article').findByIds(ids)).map((a) => [a.id, a]));
    return ids.map((id) => found.get(id) ?? null);
  });

/** Per invoice: quantity (thousandths) already credited per invoice line. */
export const creditedLoader = (ctx: RequestContext) =>
  new DataLoader<string, Map<string, number>>(async (invoiceIds) => {
    const credited = await creditedByLine(ctx, invoiceIds);
    return invoiceIds.map(() => credited);
  });
