import { graphql } from '../../gql';

export const DocumentListFieldsFragment = graphql(`
  fragment DocumentListFields on Document {
    id
    type
    status
    number
    date
    dueDate
    partyId
    partyName
    totalExclVatCents
    totalInclVatCents
    createdAt
    createdBy {
      id
      name
    }
    updatedAt
    updatedBy {
      id
      name
    }
  }
`);


export const QuotesQuery = graphql(`
  query QuotesList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {
    list: quotes(first: $first, after: $after, filter: $filter, sort: $sort) {
      nodes {
        ...DocumentListFields
      }
      count {
        value
        more
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const InvoicesQuery = graphql(`
  query InvoicesList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {
    list: invoices(first: $first, after: $after, filter: $filter, sort: $sort) {
      nodes {
        ...DocumentListFields
        daysLate
      }
      count {
        value
        more
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreditNotesQuery = graphql(`
  query CreditNotesList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {
    list: creditNotes(first: $first, after: $after, filter: $filter, sort: $sort) {
      nodes {
        ...DocumentListFields
      }
      count {
        value
        more
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const PriceRequestsQuery = graphql(`
  query PriceRequestsList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {
    list: priceRequests(first: $first, after: $after, filter: $filter, sort: $sort) {
      nodes {
        ...DocumentListFields
      }
      count {
        value
        more
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SupplierOrdersQuery = graphql(`
  query SupplierOrdersList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {
    list: supplierOrders(first: $first, after: $after, filter: $filter, sort: $sort) {
      nodes {
        ...DocumentListFields
      }
      count {
        value
        more
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const DocumentDetailFragment = graphql(`
  fragment DocumentDetail on Document {
    id
    type
    status
    number
    date
    dueDate
    version
    partyId
    partyName
    subject
    notes
    lines {
      id
      position
      articleId
      description
      quantity
      unit
      unitPriceCents
      discountPercent
      vatRate
      totalExclVatCents
      sourceLineId
      remainingToCredit
      vatExemption
    }
    lineCount
    totalExclVatCents
    totalVatCents
    totalInclVatCents
    vatBreakdown {
      vatRate
      baseCents
      vatCents
    }
    sourceDocument {
      id
      type
      number
      status
      createdAt
      createdBy {
        id
        name
      }
      updatedAt
      updatedBy {
        id
        name
      }
      history {
        ...HistoryEntryFields
      }
    }
    derivedDocuments {
      id
      type
      number
      status
    }
    issuedAt
    allowedStatuses
    canEdit
    canDelete
    canCancel
    canConvertTo
    createdAt
    createdBy {
      id
      name
    }
    updatedAt
    updatedBy {
      id
      name
    }
    history {
      ...HistoryEntryFields
    }
  }
`);

export const DocumentQuery = graphql(`
  query DocumentPage($id: ID!) {
    document(id: $id) {
      ...DocumentDetail
    }
  }
`);

export const CreateQuoteMutation = graphql(`
  mutation CreateQuote($input: DocumentInput!) {
    created: createQuote(input: $input) {
      ...DocumentDetail
    }
  }
`);
export const CreateInvoiceMutation = graphql(`
  mutation CreateInvoice($input: DocumentInput!) {
    created: createInvoice(input: $input) {
      ...DocumentDetail
    }
  }
`);
export const CreateCreditNoteMutation = graphql(`
  mutation CreateCreditNote($input: DocumentInput!) {
    created: createCreditNote(input: $input) {
      ...DocumentDetail
    }
  }
`);
export const CreatePriceRequestMutation = graphql(`
  mutation CreatePriceRequest($input: DocumentInput!) {
    created: createPriceRequest(input: $input) {
      ...DocumentDetail
    }
  }
`);
export const CreateSupplierOrderMutation = graphql(`
  mutation CreateSupplierOrder($input: DocumentInput!) {
    created: createSupplierOrder(input: $input) {
      ...DocumentDetail
    }
  }
`);

export const UpdateDocumentMutation = graphql(`
  mutation UpdateDocument($id: ID!, $version: Int!, $input: DocumentInput!) {
    updateDocument(id: $id, version: $version, input: $input) {
      ...DocumentDetail
    }
  }
`);

export const ChangeDocumentStatusMutation = graphql(`
  mutation ChangeDocumentStatus($id: ID!, $version: Int!, $status: DocumentStatus!) {
    changeDocumentStatus(id: $id, version: $version, status: $status) {
      ...DocumentDetail
    }
  }
`);

export const SendDocumentMutation = graphql(`
  mutation SendDocument($id: ID!, $version: Int!) {
    sendDocument(id: $id, version: $version) {
      ...DocumentDetail
    }
  }
`);

export const IssueDocumentMutation = graphql(`
  mutation IssueDocument($id: ID!, $version: Int!) {
    issueDocument(id: $id, version: $version) {
      ...DocumentDetail
    }
  }
`);

export const ConvertQuoteMutation = graphql(`
  mutation ConvertQuoteToInvoice($id: ID!, $version: Int!) {
    converted: convertQuoteToInvoice(id: $id, version: $version) {
      id
      type
    }
  }
`);

export const ConvertPriceRequestMutation = graphql(`
  mutation ConvertPriceRequestToSupplierOrder($id: ID!, $version: Int!) {
    converted: convertPriceRequestToSupplierOrder(id: $id, version: $version) {
      id
      type
    }
  }
`);

export const CreateCreditNoteFromInvoiceMutation = graphql(`
  mutation CreateCreditNoteFromInvoice($invoiceId: ID!, $lines: [CreditNoteLineInput!]) {
    converted: createCreditNoteFromInvoice(invoiceId: $invoiceId, lines: $lines) {
      id
      type
    }
  }
`);

export const DuplicateDocumentMutation = graphql(`
  mutation DuplicateDocument($id: ID!) {
    duplicated: duplicateDocument(id: $id) {
      id
      type
    }
  }
`);

export const CancelDocumentMutation = graphql(`
  mutation CancelDocument($id: ID!, $version: Int!) {
    cancelDocument(id: $id, version: $version) {
      id
      status
      version
      canCancel
      canDelete
      allowedStatuses
    }
  }
`);

export const DeleteDocumentMutation = graphql(`
  mutation DeleteDocument($id: ID!, $version: Int!) {
    deleteDocument(id: $id, version: $version)
  }
`);

export const DossierMembersQuery = graphql(`
  query DossierMembersForFilters {
    colleagues {
      id
      name
    }
  }
`);
