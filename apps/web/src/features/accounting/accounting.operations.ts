import { graphql } from '../../gql';

// Short, one line each, no shared fragment (the client preset copies a fragment into every
// document): every operation's text ships in the first-load bundle through the document map.
export const AccountingBatchesQuery = graphql(`query AccountingBatches { accountingBatches { id number version periodStart periodEnd status collectedByName collectedAt entryCount totalDebitCents totalCreditCents generation { state progress } } }`);

export const AccountingBatchQuery = graphql(`query AccountingBatchDetail($id: ID!) { accountingBatch(id: $id) { id accountTotals { accountNumber accountLabel auxiliaryAccount debitCents creditCents } entries { journalCode number entryDate pieceRef label totalDebitCents } } }`);

export const CollectAccountingBatchMutation = graphql(`mutation CollectAccountingBatch($id: ID!, $version: Int!) { collectAccountingBatch(id: $id, version: $version) { id status generation { state progress } } }`);

export const CutAccountingBatchMutation = graphql(`mutation CutAccountingBatch($id: ID!, $version: Int!, $until: String!) { cutAccountingBatch(id: $id, version: $version, until: $until) { id } }`);

export const PickerBatchesQuery = graphql(`query PickerBatches { me { dossiers { id uncollectedBatches } } }`);

// Paramètres / Comptabilité: the chart of accounts and the customers' auxiliary codes.
export const AccountingSettingsQuery = graphql(`query AccountingSettings { accountingSettings { version siren effectiveSiren salesJournalCode salesJournalName bankJournalCode bankJournalName customerAccount bankAccount goodsRevenueAccount servicesRevenueAccount vatAccount20 vatAccount10 vatAccount55 vatAccount21 } }`);

export const UpdateAccountingSettingsMutation = graphql(`mutation UpdateAccountingSettings($input: AccountingSettingsInput!) { updateAccountingSettings(input: $input) { version } }`);

export const CustomerAccountsQuery = graphql(`query CustomerAccounts { customerAccounts { customerId customerName code auxiliaryAccount stored used } }`);

export const UpdateCustomerAccountCodeMutation = graphql(`mutation UpdateCustomerAccountCode($customerId: ID!, $code: String!) { updateCustomerAccountCode(customerId: $customerId, code: $code) { customerId code } }`);
