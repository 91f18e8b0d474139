import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Auth, PROFILES } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import { UserSummary, userSummaryLoader } from '../identity/user-summary.type';
import { HistoryEntityType } from '../history/history-entry.entity';
import { HistoryEntryView, historyKey, historyLoader } from '../history/history.types';
import type { PartyRecord } from './party.entity';
import { createParty, getParty, listParties, updateParty } from './party.service';
import { CustomerConnection, CustomerInput, CustomerType, PartyListArgs, SupplierConnection, SupplierInput, SupplierType } from './party.types';

@Resolver(() => CustomerType)
export class CustomerResolver {
  @Query(() => CustomerConnection, { description: 'Customers by legal name' })
  @Auth(...PROFILES.customersRead)
  customers(@Ctx() ctx: RequestContext, @Args() args: PartyListArgs): Promise<CustomerConnection> {
    return listParties(ctx, 'CUSTOMER', args) as Promise<unknown> as Promise<CustomerConnection>;
  }

  @Query(() => CustomerType)
  @Auth(...PROFILES.customersRead)
  customer(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<PartyRecord> {
    return getParty(ctx, 'CUSTOMER', id);
  }

  @Mutation(() => CustomerType)
  @Auth(...PROFILES.sales)
  createCustomer(@Ctx() ctx: RequestContext, @Arg('input', () => CustomerInput) input: CustomerInput): Promise<PartyRecord> {
    return createParty(ctx, 'CUSTOMER', input);
  }

  @Mutation(() => CustomerType, { description: 'CONFLICT (extensions.currentVersion, updatedBy, updatedAt) when `version` is stale' })
  @Auth(...PROFILES.sales)
  updateCustomer(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => CustomerInput) input: CustomerInput,
  ): Promise<PartyRecord> {
    return updateParty(ctx, 'CUSTOMER', id, version, input);
  }

  @FieldResolver(() => UserSummary, { nullable: true })
  createdBy(@Root() party: PartyRecord, @Ctx() ctx: RequestContext) {
    return ctx.loader(userSummaryLoader).load(party.createdById);
  }

  @FieldResolver(() => UserSummary, { nullable: true })
  updatedBy(@Root() party: PartyRecord, @Ctx() ctx: RequestContext) {
    return ctx.loader(userSummaryLoader).load(party.updatedById);
  }

  @FieldResolver(() => [HistoryEntryView])
  history(@Root() party: PartyRecord, @Ctx() ctx: RequestContext) {
    return ctx.loader(historyLoader).load(historyKey(HistoryEntityType.CUSTOMER, party.id));
  }
}

@Resolver(() => SupplierType)
export class SupplierResolver {
  @Query(() => SupplierConnection, { description: 'Suppliers by legal name' })
  @Auth(...PROFILES.purchases)
  suppliers(@Ctx() ctx: RequestContext, @Args() args: PartyListArgs): Promise<SupplierConnection> {
    return listParties(ctx, 'SUPPLIER', args) as Promise<unknown> as Promise<SupplierConnection>;
  }

  @Query(() => SupplierType)
  @Auth(...PROFILES.purchases)
  supplier(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<PartyRecord> {
    return getParty(ctx, 'SUPPLIER', id);
  }

  @Mutation(() => SupplierType)
  @Auth(...PROFILES.purchases)
  createSupplier(@Ctx() ctx: RequestContext, @Arg('input', () => SupplierInput) input: SupplierInput): Promise<PartyRecord> {
    return createParty(ctx, 'SUPPLIER', input);
  }

  @Mutation(() => SupplierType, { description: 'CONFLICT (extensions.currentVersion, updatedBy, updatedAt) when `version` is stale' })
  @Auth(...PROFILES.purchases)
  updateSupplier(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => SupplierInput) input: SupplierInput,
  ): Promise<PartyRecord> {
    return updateParty(ctx, 'SUPPLIER', id, version, input);
  }

  @FieldResolver(() => UserSummary, { nullable: true })
  createdBy(@Root() party: PartyRecord, @Ctx() ctx: RequestContext) {
    return ctx.loader(userSummaryLoader).load(party.createdById);
  }

  @FieldResolver(() => UserSummary, { nullable: true })
  updatedBy(@Root() party: PartyRecord, @Ctx() ctx: RequestContext) {
    return ctx.loader(userSummaryLoader).load(party.updatedById);
  }

  @FieldResolver(() => [HistoryEntryView])
  history(@Root() party: PartyRecord, @Ctx() ctx: RequestContext) {
    return ctx.loader(historyLoader).load(historyKey(HistoryEntityType.SUPPLIER, party.id));
  }
}
