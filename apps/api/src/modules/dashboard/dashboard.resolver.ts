import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { Auth, PROFILES } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import { Article } from '../articles/article.entity';
import type { Document } from '../documents/document.entity';
import { documentLoader } from '../documents/document.loaders';
import { DocumentGql } from '../documents/document.types';
import { HistoryEntityType } from '../history/history-entry.entity';
import { Customer, Supplier } from '../parties/party.entity';
import { accountingDashboard, colleaguesActivity, commercialDashboard, purchasesDashboard, quotesAwaiting, revenueSummary, today, unpaidSummary } from './dashboard.service';
import { AccountingDashboard, ActivityItem, CommercialDashboard, PurchasesDashboard, SalesDashboard } from './dashboard.types';

@Resolver()
export class DashboardResolver {
  @Query(() => SalesDashboard, { description: 'Home of OWNER/ADV: revenue, unpaid invoices, quotes awaiting an answer, colleagues’ activity' })
  @Auth(...PROFILES.invoicing)
  async salesDashboard(@Ctx() ctx: RequestContext): Promise<SalesDashboard> {
    const day = today();
    return {
      today: day,
      revenue: await revenueSummary(ctx, day),
      unpaid: await unpaidSummary(ctx, day),
      quotesAwaiting: await quotesAwaiting(ctx),
      activity: await colleaguesActivity(ctx),
    };
  }

  @Query(() => CommercialDashboard, { description: 'The quotes you created: by status, conversion rate, those awaiting an answer' })
  @Auth(...PROFILES.sales)
  commercialDashboard(@Ctx() ctx: RequestContext): Promise<CommercialDashboard> {
    return commercialDashboard(ctx);
  }

  @Query(() => PurchasesDashboard, { description: 'Home of ACHAT: open price requests, supplier orders to receive' })
  @Auth(...PROFILES.purchases)
  purchasesDashboard(@Ctx() ctx: RequestContext): Promise<PurchasesDashboard> {
    return purchasesDashboard(ctx);
  }

  @Query(() => AccountingDashboard, { description: 'Home of ACCOUNTANT: invoices and credit notes issued this month' })
  @Auth(...PROFILES.invoicingRead)
  accountingDashboard(@Ctx() ctx: RequestContext): Promise<AccountingDashboard> {
    return accountingDashboard(ctx, today());
  }
}

/** Names of customers, suppliers and articles by `TYPE:id`: one query per record type for a whole page. */
const recordNameLoader = (ctx: RequestContext) =>
  new DataLoader<string, string | null>(async (keys) => {
    const names = new Map<string, string>();
    const idsOf = (type: HistoryEntityType) => keys.filter((k) => k.startsWith(`${type}:`)).map((k) => k.slice(type.length + 1));
    const sources = [
      [HistoryEntityType.CUSTOMER, Customer, 'legalName'],
      [HistoryEntityType.SUPPLIER, Supplier, 'legalName'],
      [HistoryEntityType.ARTICLE, Article, 'label'],
    ] as const;
    for (const [type, entity, column] of sources) {
      const ids = idsOf(type);
      if (ids.length === 0) continue;
      const rows = (await ctx.scoped(entity as typeof Customer, type).find({ where: { id: In(ids) } })) as unknown as Record<string, string>[];
      for (const row of rows) names.set(`${type}:${row.id}`, row[column]);
    }
    return keys.map((k) => names.get(k) ?? null);
  });

@Resolver(() => ActivityItem)
export class ActivityItemResolver {
  @FieldResolver(() => DocumentGql, { nullable: true })
  document(@Root() item: ActivityItem, @Ctx() ctx: RequestContext): Promise<Document | null> | null {
    return item.entry.documentId ? ctx.loader(documentLoader).load(item.entry.documentId) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  subject(@Root() item: ActivityItem, @Ctx() ctx: RequestContext): Promise<string | null> | null {
    const { entityType, entityId } = item.entry;
    return entityType === HistoryEntityType.DOCUMENT ? null : ctx.loader(recordNameLoader).load(`${entityType}:${entityId}`);
  }
}
