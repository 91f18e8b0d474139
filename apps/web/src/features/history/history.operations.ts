import { graphql } from '../../gql';

/** One ACTION-tab entry: who, when, what. Rendered by <HistoryTimeline>. */
export const HistoryEntryFieldsFragment = graphql(`
  fragment HistoryEntryFields on HistoryEntry {
    id
    sequence
    type
    entityType
    createdAt
    user {
      id
      name
    }
    changes {
      field
      before
      after
    }
    fromStatus
    toStatus
    number
    label
    relationDirection
    relatedDocumentId
    relatedDocumentType
    relatedDocumentNumber
    sha256
  }
`);

export const VerifyHistoryQuery = graphql(`
  query VerifyHistory {
    verifyHistory {
      ok
      checkedEntries
      brokenAtSequence
      brokenEntryId
      reason
    }
  }
`);
