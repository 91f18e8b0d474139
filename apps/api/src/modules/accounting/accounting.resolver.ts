import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, Allow, Auth, PROFILES } from '../../core/auth/policy';
import { DossierChoiceType } from '../identity/identity.types';
import type { RequestContext } from '../../core/context';
import {
  accountingSettings,
  accountTotals,
  batchEntries,
  collectBatch,
  customerAccounts,
  cutBatch,
  documentEntries,
  getBatch,
  listBatches,
  updateAccountingSettings,
  uncollectedBatches,
  updateCustomerAccountCode,
  type AccountingSettingsView,
  type AccountTotal,
  type BatchView,
  type CustomerAccountView,
  type EntryView,
} from './accounting.service';
import { batchGeneration, type BatchGeneration } from './batch-job';
import {
  AccountingBatchGenerationType,
  AccountingBatchType,
  AccountingEntryType,
  AccountingSettingsInput,
  AccountingSettingsType,
  AccountTotalType,
  CustomerAccountType,
} from './accounting.types';

/** Entries shown on a batch's screen; the downloads hold them all. */
export const BATCH_SCREEN_ENTRIES = 500;

/** The accountant's function: chart of accounts, entries, batches (OWNER, ADV, ACCOUNTANT). */
@Resolver()
export class AccountingResolver {
  @Query(() => AccountingSettingsType, { description: 'Chart of accounts and journals of the dossier (PCG defaults until saved)' })
  @Auth(...PROFILES.accounting)
  accountingSettings(@Ctx() ctx: RequestContext): Promise<AccountingSettingsView> {
    return accountingSettings(ctx);
  }

  @Mutation(() => AccountingSettingsType, { description: 'CONFLICT STALE_SETTINGS (extensions.currentVersion) when `input.version` is stale' })
  @Auth(...PROFILES.accounting)
  updateAccountingSettings(@Ctx() ctx: RequestContext, @Arg('input', () => AccountingSettingsInput) input: AccountingSettingsInput): Promise<AccountingSettingsView> {
    return updateAccountingSettings(ctx, input);
  }

  @Query(() => [CustomerAccountType], { description: 'Customers with their auxiliary code (411 + code)' })
  @Auth(...PROFILES.accounting)
  customerAccounts(@Ctx() ctx: RequestContext, @Arg('first', () => Int, { nullable: true, defaultValue: 500 }) first: number): Promise<CustomerAccountView[]> {
    return customerAccounts(ctx, first);
  }

  @Mutation(() => CustomerAccountType, { description: 'CONFLICT ACCOUNT_CODE_USED once an entry used the code' })
  @Auth(...PROFILES.accounting)
  updateCustomerAccountCode(@Ctx() ctx: RequestContext, @Arg('customerId', () => ID) customerId: string, @Arg('code') code: string): Promise<CustomerAccountView> {
    return updateCustomerAccountCode(ctx, customerId, code);
  }

  @Query(() => [AccountingEntryType], { description: 'Entries of an invoice or credit note (its sales entry, its payments)' })
  @Auth(...PROFILES.accounting)
  documentAccountingEntries(@Ctx() ctx: RequestContext, @Arg('documentId', () => ID) documentId: string): Promise<EntryView[]> {
    return documentEntries(ctx, documentId);
  }

  @Query(() => [AccountingBatchType], { description: 'Batches (lots d’écritures), latest period first' })
  @Auth(...PROFILES.accounting)
  accountingBatches(@Ctx() ctx: RequestContext): Promise<BatchView[]> {
    return listBatches(ctx);
  }

  @Query(() => AccountingBatchType)
  @Auth(...PROFILES.accounting)
  accountingBatch(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<BatchView> {
    return getBatch(ctx, id);
  }

  @Mutation(() => AccountingBatchType, { description: 'Marks the batch collected (by you, now): its period is locked. CONFLICT BATCH_COLLECTED when someone was first' })
  @Auth(...PROFILES.accounting)
  collectAccountingBatch(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number): Promise<BatchView> {
    return collectBatch(ctx, id, version);
  }

  @Mutation(() => AccountingBatchType, { description: 'Ends an open batch on `until` (YYYY-MM-DD); the following days go to a new batch' })
  @Auth(...PROFILES.accounting)
  cutAccountingBatch(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('until') until: string,
  ): Promise<BatchView> {
    return cutBatch(ctx, id, version, until);
  }
}

@Resolver(() => AccountingBatchType)
export class AccountingBatchResolver {
  @FieldResolver(() => [AccountingEntryType])
  entries(@Ctx() ctx: RequestContext, @Root() batch: BatchView): Promise<EntryView[]> {
    return batchEntries(ctx, batch, BATCH_SCREEN_ENTRIES);
  }

  @FieldResolver(() => AccountingBatchGenerationType, { nullable: true })
  generation(@Ctx() ctx: RequestContext, @Root() batch: BatchView): Promise<BatchGeneration | null> {
    return batchGeneration(ctx, batch);
  }

  @FieldResolver(() => [AccountTotalType])
  accountTotals(@Ctx() ctx: RequestContext, @Root() batch: BatchView): Promise<AccountTotal[]> {
    return accountTotals(ctx, batch);
  }
}

/** The dossier picker shows an accountant how many batches each client dossier has left to collect. */
@Resolver(() => DossierChoiceType)
export class DossierChoiceBatchesResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'ACCOUNTANT, OWNER, ADV: open batches of periods begun by today (to collect); null for other profiles' })
  @Allow(Access.USER)
  uncollectedBatches(@Ctx() ctx: RequestContext, @Root() choice: DossierChoiceType): Promise<number | null> {
    return uncollectedBatches(ctx, choice.id, choice.profile);
  }
}
