import { GraphQLSafeInt } from 'graphql-scalars';
import { AccountingBatchStatus, AccountingJournalKind } from '@comptoir/schema';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Auth, PROFILES } from '../../core/auth/policy';

registerEnumType(AccountingBatchStatus, { name: 'AccountingBatchStatus', description: 'OPEN until the accountant collects it (COLLECTED: the period is locked)' });
registerEnumType(AccountingJournalKind, { name: 'AccountingJournalKind', description: 'SALES (invoices, credit notes) or BANK (payments)' });

@ObjectType('AccountingSettings', { description: 'Chart of accounts and journals of the dossier (Paramètres / Comptabilité); PCG defaults until saved (version 0)' })
@Auth(...PROFILES.accounting)
export class AccountingSettingsType {
  @Field(() => Int)
  version: number;

  @Field(() => String, { nullable: true, description: 'SIREN (9 digits, Luhn) naming the FEC file; null: the SIRET’s first 9 digits' })
  siren: string | null;

  @Field(() => String, { nullable: true, description: 'The SIREN the FEC uses (siren, else from the dossier’s SIRET)' })
  effectiveSiren: string | null;

  @Field()
  salesJournalCode: string;

  @Field()
  salesJournalName: string;

  @Field()
  bankJournalCode: string;

  @Field()
  bankJournalName: string;

  @Field({ description: 'Collective customer account (411000)' })
  customerAccount: string;

  @Field()
  bankAccount: string;

  @Field({ description: 'Revenue of articles of kind GOODS (707…)' })
  goodsRevenueAccount: string;

  @Field({ description: 'Revenue of services and lines without article (706…)' })
  servicesRevenueAccount: string;

  @Field()
  vatAccount20: string;

  @Field()
  vatAccount10: string;

  @Field()
  vatAccount55: string;

  @Field()
  vatAccount21: string;
}

@InputType('AccountingSettingsInput')
export class AccountingSettingsInput {
  @Field(() => String, { nullable: true })
  siren?: string | null;

  @Field()
  salesJournalCode: string;

  @Field()
  salesJournalName: string;

  @Field()
  bankJournalCode: string;

  @Field()
  bankJournalName: string;

  @Field()
  customerAccount: string;

  @Field()
  bankAccount: string;

  @Field()
  goodsRevenueAccount: string;

  @Field()
  servicesRevenueAccount: string;

  @Field()
  vatAccount20: string;

  @Field()
  vatAccount10: string;

  @Field()
  vatAccount55: string;

  @Field()
  vatAccount21: string;

  @Field(() => Int, { description: 'The version read (0 before the first save)' })
  version: number;
}

@ObjectType('CustomerAccount', { description: 'A customer’s auxiliary account (411 + code); the code is editable until an entry uses it' })
@Auth(...PROFILES.accounting)
export class CustomerAccountType {
  @Field(() => ID)
  customerId: string;

  @Field()
  customerName: string;

  @Field({ description: 'Auxiliary code (after 411); proposed, not stored, while `stored` is false' })
  code: string;

  @Field({ description: '411 + code' })
  auxiliaryAccount: string;

  @Field()
  stored: boolean;

  @Field({ description: 'True once an entry used it: the code is frozen' })
  used: boolean;
}

@ObjectType('AccountingEntryLine')
@Auth(...PROFILES.accounting)
export class AccountingEntryLineType {
  @Field(() => Int)
  position: number;

  @Field()
  accountNumber: string;

  @Field()
  accountLabel: string;

  @Field(() => String, { nullable: true })
  auxiliaryAccount: string | null;

  @Field(() => String, { nullable: true })
  auxiliaryLabel: string | null;

  @Field(() => GraphQLSafeInt)
  debitCents: number;

  @Field(() => GraphQLSafeInt)
  creditCents: number;
}

@ObjectType('AccountingEntry', { description: 'A balanced, immutable entry of the sales or bank journal' })
@Auth(...PROFILES.accounting)
export class AccountingEntryType {
  @Field(() => ID)
  id: string;

  @Field(() => AccountingJournalKind)
  journalKind: AccountingJournalKind;

  @Field()
  journalCode: string;

  @Field(() => Int, { description: 'EcritureNum: continuous per journal' })
  number: number;

  @Field({ description: 'YYYY-MM-DD' })
  entryDate: string;

  @Field(() => ID, { nullable: true })
  documentId: string | null;

  @Field()
  pieceRef: string;

  @Field()
  pieceDate: string;

  @Field()
  label: string;

  @Field(() => GraphQLSafeInt)
  totalDebitCents: number;

  @Field(() => GraphQLSafeInt)
  totalCreditCents: number;

  @Field()
  validatedAt: Date;

  @Field(() => [AccountingEntryLineType])
  lines: AccountingEntryLineType[];
}

@ObjectType('AccountTotal', { description: 'Debit and credit of one account (and auxiliary account) in a batch' })
@Auth(...PROFILES.accounting)
export class AccountTotalType {
  @Field()
  accountNumber: string;

  @Field()
  accountLabel: string;

  @Field(() => String, { nullable: true })
  auxiliaryAccount: string | null;

  @Field(() => GraphQLSafeInt)
  debitCents: number;

  @Field(() => GraphQLSafeInt)
  creditCents: number;
}

@ObjectType('AccountingBatchGeneration', { description: 'The background job a collected batch sets going: each document’s history, the FEC as collected (stored)' })
@Auth(...PROFILES.accounting)
export class AccountingBatchGenerationType {
  @Field(() => ID, { description: 'The job (accounting-batch-<batch id>)' })
  jobId: string;

  @Field({ description: 'READY once stored; else waiting, active, delayed (retry to come) or failed' })
  state: string;

  @Field(() => Int, { description: '0–100' })
  progress: number;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the stored FEC (null until READY, or without a SIREN)' })
  fecSha256: string | null;
}

@ObjectType('AccountingBatchProgress', { description: 'Progress of a collected batch’s job' })
@Auth(...PROFILES.accounting)
export class AccountingBatchProgressEvent {
  @Field(() => ID)
  batchId: string;

  @Field({ description: 'waiting, active, delayed (retry to come), completed or failed' })
  state: string;

  @Field(() => Int, { description: '0–100' })
  progress: number;
}

@ObjectType('AccountingBatch', { description: 'A batch of entries (lot d’écritures): the entries dated inside its period' })
@Auth(...PROFILES.accounting)
export class AccountingBatchType {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'n° N, continuous per dossier' })
  number: number;

  @Field(() => Int)
  version: number;

  @Field({ description: 'YYYY-MM-DD' })
  periodStart: string;

  @Field({ description: 'YYYY-MM-DD' })
  periodEnd: string;

  @Field(() => AccountingBatchStatus)
  status: AccountingBatchStatus;

  @Field(() => String, { nullable: true })
  collectedByName: string | null;

  @Field(() => Date, { nullable: true })
  collectedAt: Date | null;

  @Field(() => Int)
  entryCount: number;

  @Field(() => GraphQLSafeInt)
  totalDebitCents: number;

  @Field(() => GraphQLSafeInt)
  totalCreditCents: number;

  @Field(() => [AccountTotalType], { description: 'Totals per account' })
  accountTotals: AccountTotalType[];

  @Field(() => [AccountingEntryType], { description: 'Its entries in order of validation (at most 500; the downloads hold them all)' })
  entries: AccountingEntryType[];

  @Field(() => AccountingBatchGenerationType, { nullable: true, description: 'Collected batches: where their background job stands (null while open)' })
  generation: AccountingBatchGenerationType | null;
}
