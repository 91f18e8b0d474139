import { graphql } from '../../gql';

// Short, one line each, no shared fragment (the client preset copies a fragment into every
// document): every operation's text ships in the first-load bundle through the document map.
export const AccountingBatchesQuery = graphql(`query AccountingBatches { accountingBatches { id number version periodStart periodEnd status collectedByName collectedAt entryCount totalDebitCents totalCreditCents } }`);

export const AccountingBatchQuery = graphql(`query AccountingBatchDetail($id: ID!) { accountingBatch(id: $id) { id accountTotals { accountNumber accountLabel auxiliaryAccount debitCents creditCents } entries { journalCode number entryDate pieceRef label totalDebitCents } } }`);

export const CollectAccountingBatchMutation = graphql(`mutation CollectAccountingBatch($id: ID!, $version: Int!) { collectAccountingBatch(id: $id, version: $version) { id } }`);

export const CutAccountingBatchMutation = graphql(`mutation CutAccountingBatch($id: ID!, $version: Int!, $until: String!) { cutAccountingBatch(id: $id, version: $version, until: $until) { id } }`);

export const PickerBatchesQuery = graphql(`query PickerBatches { me { dossiers { id uncollectedBatches } } }`);
