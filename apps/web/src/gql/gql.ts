/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query SessionMe {\n    me {\n      user {\n        id\n        email\n        name\n        phone\n        platformRole\n      }\n      dossier {\n        id\n        name\n        plan\n      }\n      profile\n      isPrincipal\n      needsDossierSelection\n      dossiers {\n        id\n        name\n        plan\n        profile\n        isPrincipal\n      }\n    }\n  }\n": typeof types.SessionMeDocument,
    "\n  fragment AdminActionRow on AdminAction {\n    id\n    createdAt\n    kind\n    supportUserName\n    supportUserEmail\n    dossierId\n    dossierName\n    targetUserEmail\n    detail\n  }\n": typeof types.AdminActionRowFragmentDoc,
    "\n  query AdminActions {\n    adminActions(first: 200) {\n      ...AdminActionRow\n    }\n  }\n": typeof types.AdminActionsDocument,
    "\n  query AdminDossier($id: ID!) {\n    adminDossier(id: $id) {\n      id\n      name\n      siret\n      vatNumber\n      addressLine\n      postalCode\n      city\n      createdAt\n      plan\n      seats {\n        plan\n        includedSeats\n        extraSeats\n        totalSeats\n        seatsUsed\n        seatsAvailable\n        accountantAccess\n        accountants\n      }\n      members {\n        userId\n        name\n        email\n        phone\n        profile\n        isPrincipal\n        since\n        active\n      }\n      seatOrders {\n        id\n        quantity\n        totalCents\n        totalInclVatCents\n        status\n        paymentReference\n        createdAt\n        orderedByName\n        paidAt\n        markedPaidByName\n        receivedReference\n      }\n      recentActions {\n        ...AdminActionRow\n      }\n    }\n  }\n": typeof types.AdminDossierDocument,
    "\n  mutation AdminChangePlan($dossierId: ID!, $plan: Plan!) {\n    adminChangePlan(dossierId: $dossierId, plan: $plan) {\n      id\n      plan\n    }\n  }\n": typeof types.AdminChangePlanDocument,
    "\n  mutation AdminAddUser($dossierId: ID!, $input: AdminAddUserInput!) {\n    adminAddUser(dossierId: $dossierId, input: $input) {\n      userId\n      email\n      profile\n    }\n  }\n": typeof types.AdminAddUserDocument,
    "\n  mutation AdminChangeProfile($dossierId: ID!, $userId: ID!, $profile: Profile!) {\n    adminChangeProfile(dossierId: $dossierId, userId: $userId, profile: $profile) {\n      userId\n      profile\n    }\n  }\n": typeof types.AdminChangeProfileDocument,
    "\n  mutation AdminRemoveUser($dossierId: ID!, $userId: ID!) {\n    adminRemoveUser(dossierId: $dossierId, userId: $userId)\n  }\n": typeof types.AdminRemoveUserDocument,
    "\n  mutation AdminMarkSeatOrderPaid($orderId: ID!, $reference: String) {\n    adminMarkSeatOrderPaid(orderId: $orderId, reference: $reference) {\n      id\n      status\n    }\n  }\n": typeof types.AdminMarkSeatOrderPaidDocument,
    "\n  mutation AdminCancelSeatOrder($orderId: ID!) {\n    adminCancelSeatOrder(orderId: $orderId) {\n      id\n      status\n    }\n  }\n": typeof types.AdminCancelSeatOrderDocument,
    "\n  query AdminSearchDossiers($query: String!) {\n    adminSearchDossiers(query: $query, first: 50) {\n      id\n      name\n      siret\n      city\n      plan\n      members\n      principalEmail\n    }\n  }\n": typeof types.AdminSearchDossiersDocument,
    "\n  query AdminOutbox($first: Int!, $after: String) {\n    adminOutbox(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        createdAt\n        to\n        subject\n        text\n        status\n        error\n      }\n    }\n  }\n": typeof types.AdminOutboxDocument,
    "\n  query AdminSearchUsers($query: String!) {\n    adminSearchUsers(query: $query, first: 50) {\n      id\n      email\n      name\n      phone\n      platformRole\n      active\n      memberships {\n        dossierId\n        dossierName\n        profile\n        isPrincipal\n      }\n    }\n  }\n": typeof types.AdminSearchUsersDocument,
    "\n  mutation AdminChangeLoginEmail($userId: ID!, $newEmail: String!) {\n    adminChangeLoginEmail(userId: $userId, newEmail: $newEmail) {\n      id\n      email\n    }\n  }\n": typeof types.AdminChangeLoginEmailDocument,
    "\n  query ArticlesList($first: Int!, $after: String, $search: String, $activeOnly: Boolean, $withCosts: Boolean!) {\n    list: articles(first: $first, after: $after, search: $search, activeOnly: $activeOnly) {\n      nodes {\n        id\n        reference\n        label\n        unit\n        salePriceCents\n        purchasePriceCents @include(if: $withCosts)\n        marginCents @include(if: $withCosts)\n        marginRate @include(if: $withCosts)\n        vatRate\n        active\n        updatedAt\n        updatedBy {\n          id\n          name\n        }\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ArticlesListDocument,
    "\n  query ArticlePage($id: ID!) {\n    article(id: $id) {\n      id\n      version\n      reference\n      label\n      unit\n      salePriceCents\n      purchasePriceCents\n      marginCents\n      marginRate\n      vatRate\n      active\n      createdAt\n      createdBy {\n        id\n        name\n      }\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n      history {\n        ...HistoryEntryFields\n      }\n    }\n  }\n": typeof types.ArticlePageDocument,
    "\n  mutation CreateArticle($input: ArticleInput!) {\n    saved: createArticle(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateArticleDocument,
    "\n  mutation UpdateArticle($id: ID!, $version: Int!, $input: ArticleInput!) {\n    saved: updateArticle(id: $id, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.UpdateArticleDocument,
    "\n  query ArticleOptions($search: String, $withCosts: Boolean!) {\n    list: articles(first: 50, search: $search, activeOnly: true) {\n      nodes {\n        id\n        reference\n        label\n        unit\n        salePriceCents\n        purchasePriceCents @include(if: $withCosts)\n        vatRate\n      }\n      totalCount\n    }\n  }\n": typeof types.ArticleOptionsDocument,
    "\n  mutation AuthLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      needsDossierSelection\n      dossier {\n        id\n      }\n    }\n  }\n": typeof types.AuthLoginDocument,
    "\n  mutation AuthSignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      dossier {\n        id\n      }\n    }\n  }\n": typeof types.AuthSignUpDocument,
    "\n  mutation AuthSelectDossier($dossierId: ID!) {\n    selectDossier(dossierId: $dossierId) {\n      dossier {\n        id\n      }\n    }\n  }\n": typeof types.AuthSelectDossierDocument,
    "\n  mutation AuthLogout {\n    logout\n  }\n": typeof types.AuthLogoutDocument,
    "\n  mutation AuthRequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.AuthRequestPasswordResetDocument,
    "\n  mutation AuthResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": typeof types.AuthResetPasswordDocument,
    "\n  query AuthInvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      email\n      name\n      dossierName\n    }\n  }\n": typeof types.AuthInvitationPreviewDocument,
    "\n  mutation AuthAcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      needsDossierSelection\n    }\n  }\n": typeof types.AuthAcceptInvitationDocument,
    "\n  mutation AuthChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.AuthChangePasswordDocument,
    "\n  query AuthMySessions {\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      ip\n      userAgent\n      current\n    }\n  }\n": typeof types.AuthMySessionsDocument,
    "\n  mutation AuthRevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": typeof types.AuthRevokeSessionDocument,
    "\n  fragment DocumentListFields on Document {\n    id\n    type\n    status\n    number\n    date\n    dueDate\n    partyId\n    partyName\n    totalExclVatCents\n    totalInclVatCents\n    createdAt\n    createdBy {\n      id\n      name\n    }\n    updatedAt\n    updatedBy {\n      id\n      name\n    }\n  }\n": typeof types.DocumentListFieldsFragmentDoc,
    "\n  query QuotesList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: quotes(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.QuotesListDocument,
    "\n  query InvoicesList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: invoices(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.InvoicesListDocument,
    "\n  query CreditNotesList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: creditNotes(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CreditNotesListDocument,
    "\n  query PriceRequestsList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: priceRequests(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PriceRequestsListDocument,
    "\n  query SupplierOrdersList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: supplierOrders(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SupplierOrdersListDocument,
    "\n  fragment DocumentDetail on Document {\n    id\n    type\n    status\n    number\n    date\n    dueDate\n    version\n    partyId\n    partyName\n    subject\n    notes\n    lines {\n      id\n      position\n      articleId\n      description\n      quantity\n      unit\n      unitPriceCents\n      discountPercent\n      vatRate\n      totalExclVatCents\n      sourceLineId\n      remainingToCredit\n    }\n    lineCount\n    totalExclVatCents\n    totalVatCents\n    totalInclVatCents\n    vatBreakdown {\n      vatRate\n      baseCents\n      vatCents\n    }\n    sourceDocument {\n      id\n      type\n      number\n      status\n      createdAt\n      createdBy {\n        id\n        name\n      }\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n      history {\n        ...HistoryEntryFields\n      }\n    }\n    derivedDocuments {\n      id\n      type\n      number\n      status\n    }\n    issuedAt\n    allowedStatuses\n    canEdit\n    canDelete\n    canConvertTo\n    createdAt\n    createdBy {\n      id\n      name\n    }\n    updatedAt\n    updatedBy {\n      id\n      name\n    }\n    history {\n      ...HistoryEntryFields\n    }\n  }\n": typeof types.DocumentDetailFragmentDoc,
    "\n  query DocumentPage($id: ID!) {\n    document(id: $id) {\n      ...DocumentDetail\n    }\n  }\n": typeof types.DocumentPageDocument,
    "\n  mutation CreateQuote($input: DocumentInput!) {\n    created: createQuote(input: $input) {\n      ...DocumentDetail\n    }\n  }\n": typeof types.CreateQuoteDocument,
    "\n  mutation CreateInvoice($input: DocumentInput!) {\n    created: createInvoice(input: $input) {\n      ...DocumentDetail\n    }\n  }\n": typeof types.CreateInvoiceDocument,
    "\n  mutation CreateCreditNote($input: DocumentInput!) {\n    created: createCreditNote(input: $input) {\n      ...DocumentDetail\n    }\n  }\n": typeof types.CreateCreditNoteDocument,
    "\n  mutation CreatePriceRequest($input: DocumentInput!) {\n    created: createPriceRequest(input: $input) {\n      ...DocumentDetail\n    }\n  }\n": typeof types.CreatePriceRequestDocument,
    "\n  mutation CreateSupplierOrder($input: DocumentInput!) {\n    created: createSupplierOrder(input: $input) {\n      ...DocumentDetail\n    }\n  }\n": typeof types.CreateSupplierOrderDocument,
    "\n  mutation UpdateDocument($id: ID!, $version: Int!, $input: DocumentInput!) {\n    updateDocument(id: $id, version: $version, input: $input) {\n      ...DocumentDetail\n    }\n  }\n": typeof types.UpdateDocumentDocument,
    "\n  mutation ChangeDocumentStatus($id: ID!, $version: Int!, $status: DocumentStatus!) {\n    changeDocumentStatus(id: $id, version: $version, status: $status) {\n      ...DocumentDetail\n    }\n  }\n": typeof types.ChangeDocumentStatusDocument,
    "\n  mutation SendDocument($id: ID!, $version: Int!) {\n    sendDocument(id: $id, version: $version) {\n      ...DocumentDetail\n    }\n  }\n": typeof types.SendDocumentDocument,
    "\n  mutation IssueDocument($id: ID!, $version: Int!) {\n    issueDocument(id: $id, version: $version) {\n      ...DocumentDetail\n    }\n  }\n": typeof types.IssueDocumentDocument,
    "\n  mutation ConvertQuoteToInvoice($id: ID!, $version: Int!) {\n    converted: convertQuoteToInvoice(id: $id, version: $version) {\n      id\n      type\n    }\n  }\n": typeof types.ConvertQuoteToInvoiceDocument,
    "\n  mutation ConvertPriceRequestToSupplierOrder($id: ID!, $version: Int!) {\n    converted: convertPriceRequestToSupplierOrder(id: $id, version: $version) {\n      id\n      type\n    }\n  }\n": typeof types.ConvertPriceRequestToSupplierOrderDocument,
    "\n  mutation CreateCreditNoteFromInvoice($invoiceId: ID!, $lines: [CreditNoteLineInput!]) {\n    converted: createCreditNoteFromInvoice(invoiceId: $invoiceId, lines: $lines) {\n      id\n      type\n    }\n  }\n": typeof types.CreateCreditNoteFromInvoiceDocument,
    "\n  mutation DuplicateDocument($id: ID!) {\n    duplicated: duplicateDocument(id: $id) {\n      id\n      type\n    }\n  }\n": typeof types.DuplicateDocumentDocument,
    "\n  mutation DeleteDocument($id: ID!, $version: Int!) {\n    deleteDocument(id: $id, version: $version)\n  }\n": typeof types.DeleteDocumentDocument,
    "\n  query DossierMembersForFilters {\n    colleagues {\n      id\n      name\n    }\n  }\n": typeof types.DossierMembersForFiltersDocument,
    "\n  query ExportSetup {\n    exportColumns {\n      key\n      labelFr\n      labelEn\n      type\n      group\n      defaultSelected\n      description\n    }\n    exportPresets {\n      id\n      name\n      columns\n      shared\n      mine\n      owner {\n        id\n        name\n      }\n    }\n    dossierUsers {\n      members {\n        userId\n        name\n      }\n    }\n    customers(first: 200) {\n      nodes {\n        id\n        legalName\n      }\n    }\n    suppliers(first: 200) {\n      nodes {\n        id\n        legalName\n      }\n    }\n  }\n": typeof types.ExportSetupDocument,
    "\n  query ExportPreview($filter: ExportFilterInput, $columns: [String!]!, $first: Int!) {\n    exportPreview(filter: $filter, columns: $columns, first: $first) {\n      totalCount\n      columns {\n        key\n        labelFr\n        labelEn\n        type\n      }\n      rows {\n        id\n        cells\n      }\n    }\n  }\n": typeof types.ExportPreviewDocument,
    "\n  mutation SaveExportPreset($input: ExportPresetInput!) {\n    saveExportPreset(input: $input) {\n      id\n      name\n      columns\n      shared\n      mine\n      owner {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SaveExportPresetDocument,
    "\n  mutation DeleteExportPreset($id: ID!) {\n    deleteExportPreset(id: $id)\n  }\n": typeof types.DeleteExportPresetDocument,
    "\n  fragment ExportJobFields on ExportLogEntry {\n    id\n    kind\n    format\n    status\n    totalRows\n    rowsWritten\n    cancelRequested\n    createdAt\n    finishedAt\n    durationMs\n    fileName\n    downloadUrl\n    error\n    columns\n    periodFrom\n    periodTo\n    filter {\n      types\n      statuses\n      from\n      to\n    }\n    user {\n      id\n      name\n    }\n  }\n": typeof types.ExportJobFieldsFragmentDoc,
    "\n  mutation StartDocumentsExport($input: DocumentsExportInput!) {\n    startDocumentsExport(input: $input) {\n      ...ExportJobFields\n    }\n  }\n": typeof types.StartDocumentsExportDocument,
    "\n  mutation StartActionSummaryExport($input: ActionSummaryExportInput!) {\n    startActionSummaryExport(input: $input) {\n      ...ExportJobFields\n    }\n  }\n": typeof types.StartActionSummaryExportDocument,
    "\n  query ExportJob($id: ID!) {\n    exportJob(id: $id) {\n      ...ExportJobFields\n    }\n  }\n": typeof types.ExportJobDocument,
    "\n  mutation CancelExport($id: ID!) {\n    cancelExport(id: $id) {\n      ...ExportJobFields\n    }\n  }\n": typeof types.CancelExportDocument,
    "\n  query ExportLogs($first: Int!, $after: String) {\n    exportLogs(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...ExportJobFields\n      }\n    }\n  }\n": typeof types.ExportLogsDocument,
    "\n  query ActionSummary($from: LocalDate, $to: LocalDate) {\n    actionSummary(from: $from, to: $to) {\n      from\n      to\n      rows {\n        user {\n          id\n          name\n        }\n        documentType\n        created\n        modified\n        issued\n        converted\n        deleted\n        total\n      }\n    }\n  }\n": typeof types.ActionSummaryDocument,
    "\n  fragment HealthSummary_health on Health {\n    status\n    version\n    database\n    time\n  }\n": typeof types.HealthSummary_HealthFragmentDoc,
    "\n  query ServerHealth {\n    health {\n      ...HealthSummary_health\n    }\n  }\n": typeof types.ServerHealthDocument,
    "\n  fragment HistoryEntryFields on HistoryEntry {\n    id\n    sequence\n    type\n    entityType\n    createdAt\n    user {\n      id\n      name\n    }\n    changes {\n      field\n      before\n      after\n    }\n    fromStatus\n    toStatus\n    number\n    label\n    relationDirection\n    relatedDocumentId\n    relatedDocumentType\n    relatedDocumentNumber\n  }\n": typeof types.HistoryEntryFieldsFragmentDoc,
    "\n  query VerifyHistory {\n    verifyHistory {\n      ok\n      checkedEntries\n      brokenAtSequence\n      brokenEntryId\n      reason\n    }\n  }\n": typeof types.VerifyHistoryDocument,
    "\n  query CustomersList($first: Int!, $after: String, $search: String) {\n    list: customers(first: $first, after: $after, search: $search) {\n      nodes {\n        id\n        legalName\n        siren\n        city\n        contactName\n        paymentTermsDays\n        updatedAt\n        updatedBy {\n          id\n          name\n        }\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CustomersListDocument,
    "\n  query SuppliersList($first: Int!, $after: String, $search: String) {\n    list: suppliers(first: $first, after: $after, search: $search) {\n      nodes {\n        id\n        legalName\n        siren\n        city\n        contactName\n        paymentTermsDays\n        updatedAt\n        updatedBy {\n          id\n          name\n        }\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SuppliersListDocument,
    "\n  query CustomerPage($id: ID!) {\n    party: customer(id: $id) {\n      id\n      version\n      legalName\n      siren\n      siret\n      vatNumber\n      addressLine1\n      addressLine2\n      postalCode\n      city\n      country\n      contactName\n      contactEmail\n      contactPhone\n      paymentTermsDays\n      notes\n      createdAt\n      createdBy {\n        id\n        name\n      }\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n      history {\n        ...HistoryEntryFields\n      }\n    }\n  }\n": typeof types.CustomerPageDocument,
    "\n  query SupplierPage($id: ID!) {\n    party: supplier(id: $id) {\n      id\n      version\n      legalName\n      siren\n      siret\n      vatNumber\n      addressLine1\n      addressLine2\n      postalCode\n      city\n      country\n      contactName\n      contactEmail\n      contactPhone\n      paymentTermsDays\n      notes\n      createdAt\n      createdBy {\n        id\n        name\n      }\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n      history {\n        ...HistoryEntryFields\n      }\n    }\n  }\n": typeof types.SupplierPageDocument,
    "\n  mutation CreateCustomer($input: CustomerInput!) {\n    saved: createCustomer(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateCustomerDocument,
    "\n  mutation UpdateCustomer($id: ID!, $version: Int!, $input: CustomerInput!) {\n    saved: updateCustomer(id: $id, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.UpdateCustomerDocument,
    "\n  mutation CreateSupplier($input: SupplierInput!) {\n    saved: createSupplier(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateSupplierDocument,
    "\n  mutation UpdateSupplier($id: ID!, $version: Int!, $input: SupplierInput!) {\n    saved: updateSupplier(id: $id, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.UpdateSupplierDocument,
    "\n  query CustomerOptions($search: String) {\n    list: customers(first: 200, search: $search) {\n      nodes {\n        id\n        legalName\n        city\n      }\n      totalCount\n    }\n  }\n": typeof types.CustomerOptionsDocument,
    "\n  query SupplierOptions($search: String) {\n    list: suppliers(first: 200, search: $search) {\n      nodes {\n        id\n        legalName\n        city\n      }\n      totalCount\n    }\n  }\n": typeof types.SupplierOptionsDocument,
    "\n  query DossierSettings {\n    dossierSettings {\n      id\n      version\n      name\n      siret\n      vatNumber\n      addressLine\n      postalCode\n      city\n      country\n      quotePrefix\n      invoicePrefix\n      creditNotePrefix\n      priceRequestPrefix\n      supplierOrderPrefix\n      defaultVatRate\n      paymentTermsDays\n      legalMentions\n    }\n  }\n": typeof types.DossierSettingsDocument,
    "\n  mutation UpdateDossierSettings($input: DossierSettingsInput!) {\n    updateDossierSettings(input: $input) {\n      id\n      version\n      name\n      siret\n      vatNumber\n      addressLine\n      postalCode\n      city\n      country\n      quotePrefix\n      invoicePrefix\n      creditNotePrefix\n      priceRequestPrefix\n      supplierOrderPrefix\n      defaultVatRate\n      paymentTermsDays\n      legalMentions\n    }\n  }\n": typeof types.UpdateDossierSettingsDocument,
    "\n  query MySubscription {\n    mySubscription {\n      plan\n      includedSeats\n      extraSeats\n      totalSeats\n      seatsUsed\n      seatsAvailable\n      accountantAccess\n      accountants\n      canOrderSeats\n      seatUnitPriceCents\n      orders {\n        id\n        quantity\n        unitPriceCents\n        totalCents\n        totalInclVatCents\n        status\n        paymentReference\n        paymentInstructions\n        createdAt\n        orderedByName\n        paidAt\n      }\n    }\n  }\n": typeof types.MySubscriptionDocument,
    "\n  mutation OrderSeats($quantity: Int!) {\n    orderSeats(quantity: $quantity) {\n      id\n      status\n      paymentInstructions\n    }\n  }\n": typeof types.OrderSeatsDocument,
    "\n  mutation CancelSeatOrder($id: ID!) {\n    cancelSeatOrder(id: $id) {\n      id\n      status\n      cancelledAt\n    }\n  }\n": typeof types.CancelSeatOrderDocument,
    "\n  query SettingsDossierUsers {\n    dossierUsers {\n      members {\n        userId\n        name\n        email\n        profile\n        isPrincipal\n        since\n        active\n      }\n      seats {\n        plan\n        includedSeats\n        extraSeats\n        totalSeats\n        seatsUsed\n        seatsAvailable\n        accountantAccess\n        accountants\n      }\n    }\n  }\n": typeof types.SettingsDossierUsersDocument,
};
const documents: Documents = {
    "\n  query SessionMe {\n    me {\n      user {\n        id\n        email\n        name\n        phone\n        platformRole\n      }\n      dossier {\n        id\n        name\n        plan\n      }\n      profile\n      isPrincipal\n      needsDossierSelection\n      dossiers {\n        id\n        name\n        plan\n        profile\n        isPrincipal\n      }\n    }\n  }\n": types.SessionMeDocument,
    "\n  fragment AdminActionRow on AdminAction {\n    id\n    createdAt\n    kind\n    supportUserName\n    supportUserEmail\n    dossierId\n    dossierName\n    targetUserEmail\n    detail\n  }\n": types.AdminActionRowFragmentDoc,
    "\n  query AdminActions {\n    adminActions(first: 200) {\n      ...AdminActionRow\n    }\n  }\n": types.AdminActionsDocument,
    "\n  query AdminDossier($id: ID!) {\n    adminDossier(id: $id) {\n      id\n      name\n      siret\n      vatNumber\n      addressLine\n      postalCode\n      city\n      createdAt\n      plan\n      seats {\n        plan\n        includedSeats\n        extraSeats\n        totalSeats\n        seatsUsed\n        seatsAvailable\n        accountantAccess\n        accountants\n      }\n      members {\n        userId\n        name\n        email\n        phone\n        profile\n        isPrincipal\n        since\n        active\n      }\n      seatOrders {\n        id\n        quantity\n        totalCents\n        totalInclVatCents\n        status\n        paymentReference\n        createdAt\n        orderedByName\n        paidAt\n        markedPaidByName\n        receivedReference\n      }\n      recentActions {\n        ...AdminActionRow\n      }\n    }\n  }\n": types.AdminDossierDocument,
    "\n  mutation AdminChangePlan($dossierId: ID!, $plan: Plan!) {\n    adminChangePlan(dossierId: $dossierId, plan: $plan) {\n      id\n      plan\n    }\n  }\n": types.AdminChangePlanDocument,
    "\n  mutation AdminAddUser($dossierId: ID!, $input: AdminAddUserInput!) {\n    adminAddUser(dossierId: $dossierId, input: $input) {\n      userId\n      email\n      profile\n    }\n  }\n": types.AdminAddUserDocument,
    "\n  mutation AdminChangeProfile($dossierId: ID!, $userId: ID!, $profile: Profile!) {\n    adminChangeProfile(dossierId: $dossierId, userId: $userId, profile: $profile) {\n      userId\n      profile\n    }\n  }\n": types.AdminChangeProfileDocument,
    "\n  mutation AdminRemoveUser($dossierId: ID!, $userId: ID!) {\n    adminRemoveUser(dossierId: $dossierId, userId: $userId)\n  }\n": types.AdminRemoveUserDocument,
    "\n  mutation AdminMarkSeatOrderPaid($orderId: ID!, $reference: String) {\n    adminMarkSeatOrderPaid(orderId: $orderId, reference: $reference) {\n      id\n      status\n    }\n  }\n": types.AdminMarkSeatOrderPaidDocument,
    "\n  mutation AdminCancelSeatOrder($orderId: ID!) {\n    adminCancelSeatOrder(orderId: $orderId) {\n      id\n      status\n    }\n  }\n": types.AdminCancelSeatOrderDocument,
    "\n  query AdminSearchDossiers($query: String!) {\n    adminSearchDossiers(query: $query, first: 50) {\n      id\n      name\n      siret\n      city\n      plan\n      members\n      principalEmail\n    }\n  }\n": types.AdminSearchDossiersDocument,
    "\n  query AdminOutbox($first: Int!, $after: String) {\n    adminOutbox(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        createdAt\n        to\n        subject\n        text\n        status\n        error\n      }\n    }\n  }\n": types.AdminOutboxDocument,
    "\n  query AdminSearchUsers($query: String!) {\n    adminSearchUsers(query: $query, first: 50) {\n      id\n      email\n      name\n      phone\n      platformRole\n      active\n      memberships {\n        dossierId\n        dossierName\n        profile\n        isPrincipal\n      }\n    }\n  }\n": types.AdminSearchUsersDocument,
    "\n  mutation AdminChangeLoginEmail($userId: ID!, $newEmail: String!) {\n    adminChangeLoginEmail(userId: $userId, newEmail: $newEmail) {\n      id\n      email\n    }\n  }\n": types.AdminChangeLoginEmailDocument,
    "\n  query ArticlesList($first: Int!, $after: String, $search: String, $activeOnly: Boolean, $withCosts: Boolean!) {\n    list: articles(first: $first, after: $after, search: $search, activeOnly: $activeOnly) {\n      nodes {\n        id\n        reference\n        label\n        unit\n        salePriceCents\n        purchasePriceCents @include(if: $withCosts)\n        marginCents @include(if: $withCosts)\n        marginRate @include(if: $withCosts)\n        vatRate\n        active\n        updatedAt\n        updatedBy {\n          id\n          name\n        }\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ArticlesListDocument,
    "\n  query ArticlePage($id: ID!) {\n    article(id: $id) {\n      id\n      version\n      reference\n      label\n      unit\n      salePriceCents\n      purchasePriceCents\n      marginCents\n      marginRate\n      vatRate\n      active\n      createdAt\n      createdBy {\n        id\n        name\n      }\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n      history {\n        ...HistoryEntryFields\n      }\n    }\n  }\n": types.ArticlePageDocument,
    "\n  mutation CreateArticle($input: ArticleInput!) {\n    saved: createArticle(input: $input) {\n      id\n    }\n  }\n": types.CreateArticleDocument,
    "\n  mutation UpdateArticle($id: ID!, $version: Int!, $input: ArticleInput!) {\n    saved: updateArticle(id: $id, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n": types.UpdateArticleDocument,
    "\n  query ArticleOptions($search: String, $withCosts: Boolean!) {\n    list: articles(first: 50, search: $search, activeOnly: true) {\n      nodes {\n        id\n        reference\n        label\n        unit\n        salePriceCents\n        purchasePriceCents @include(if: $withCosts)\n        vatRate\n      }\n      totalCount\n    }\n  }\n": types.ArticleOptionsDocument,
    "\n  mutation AuthLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      needsDossierSelection\n      dossier {\n        id\n      }\n    }\n  }\n": types.AuthLoginDocument,
    "\n  mutation AuthSignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      dossier {\n        id\n      }\n    }\n  }\n": types.AuthSignUpDocument,
    "\n  mutation AuthSelectDossier($dossierId: ID!) {\n    selectDossier(dossierId: $dossierId) {\n      dossier {\n        id\n      }\n    }\n  }\n": types.AuthSelectDossierDocument,
    "\n  mutation AuthLogout {\n    logout\n  }\n": types.AuthLogoutDocument,
    "\n  mutation AuthRequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.AuthRequestPasswordResetDocument,
    "\n  mutation AuthResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": types.AuthResetPasswordDocument,
    "\n  query AuthInvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      email\n      name\n      dossierName\n    }\n  }\n": types.AuthInvitationPreviewDocument,
    "\n  mutation AuthAcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      needsDossierSelection\n    }\n  }\n": types.AuthAcceptInvitationDocument,
    "\n  mutation AuthChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.AuthChangePasswordDocument,
    "\n  query AuthMySessions {\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      ip\n      userAgent\n      current\n    }\n  }\n": types.AuthMySessionsDocument,
    "\n  mutation AuthRevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": types.AuthRevokeSessionDocument,
    "\n  fragment DocumentListFields on Document {\n    id\n    type\n    status\n    number\n    date\n    dueDate\n    partyId\n    partyName\n    totalExclVatCents\n    totalInclVatCents\n    createdAt\n    createdBy {\n      id\n      name\n    }\n    updatedAt\n    updatedBy {\n      id\n      name\n    }\n  }\n": types.DocumentListFieldsFragmentDoc,
    "\n  query QuotesList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: quotes(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.QuotesListDocument,
    "\n  query InvoicesList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: invoices(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.InvoicesListDocument,
    "\n  query CreditNotesList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: creditNotes(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CreditNotesListDocument,
    "\n  query PriceRequestsList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: priceRequests(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PriceRequestsListDocument,
    "\n  query SupplierOrdersList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: supplierOrders(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SupplierOrdersListDocument,
    "\n  fragment DocumentDetail on Document {\n    id\n    type\n    status\n    number\n    date\n    dueDate\n    version\n    partyId\n    partyName\n    subject\n    notes\n    lines {\n      id\n      position\n      articleId\n      description\n      quantity\n      unit\n      unitPriceCents\n      discountPercent\n      vatRate\n      totalExclVatCents\n      sourceLineId\n      remainingToCredit\n    }\n    lineCount\n    totalExclVatCents\n    totalVatCents\n    totalInclVatCents\n    vatBreakdown {\n      vatRate\n      baseCents\n      vatCents\n    }\n    sourceDocument {\n      id\n      type\n      number\n      status\n      createdAt\n      createdBy {\n        id\n        name\n      }\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n      history {\n        ...HistoryEntryFields\n      }\n    }\n    derivedDocuments {\n      id\n      type\n      number\n      status\n    }\n    issuedAt\n    allowedStatuses\n    canEdit\n    canDelete\n    canConvertTo\n    createdAt\n    createdBy {\n      id\n      name\n    }\n    updatedAt\n    updatedBy {\n      id\n      name\n    }\n    history {\n      ...HistoryEntryFields\n    }\n  }\n": types.DocumentDetailFragmentDoc,
    "\n  query DocumentPage($id: ID!) {\n    document(id: $id) {\n      ...DocumentDetail\n    }\n  }\n": types.DocumentPageDocument,
    "\n  mutation CreateQuote($input: DocumentInput!) {\n    created: createQuote(input: $input) {\n      ...DocumentDetail\n    }\n  }\n": types.CreateQuoteDocument,
    "\n  mutation CreateInvoice($input: DocumentInput!) {\n    created: createInvoice(input: $input) {\n      ...DocumentDetail\n    }\n  }\n": types.CreateInvoiceDocument,
    "\n  mutation CreateCreditNote($input: DocumentInput!) {\n    created: createCreditNote(input: $input) {\n      ...DocumentDetail\n    }\n  }\n": types.CreateCreditNoteDocument,
    "\n  mutation CreatePriceRequest($input: DocumentInput!) {\n    created: createPriceRequest(input: $input) {\n      ...DocumentDetail\n    }\n  }\n": types.CreatePriceRequestDocument,
    "\n  mutation CreateSupplierOrder($input: DocumentInput!) {\n    created: createSupplierOrder(input: $input) {\n      ...DocumentDetail\n    }\n  }\n": types.CreateSupplierOrderDocument,
    "\n  mutation UpdateDocument($id: ID!, $version: Int!, $input: DocumentInput!) {\n    updateDocument(id: $id, version: $version, input: $input) {\n      ...DocumentDetail\n    }\n  }\n": types.UpdateDocumentDocument,
    "\n  mutation ChangeDocumentStatus($id: ID!, $version: Int!, $status: DocumentStatus!) {\n    changeDocumentStatus(id: $id, version: $version, status: $status) {\n      ...DocumentDetail\n    }\n  }\n": types.ChangeDocumentStatusDocument,
    "\n  mutation SendDocument($id: ID!, $version: Int!) {\n    sendDocument(id: $id, version: $version) {\n      ...DocumentDetail\n    }\n  }\n": types.SendDocumentDocument,
    "\n  mutation IssueDocument($id: ID!, $version: Int!) {\n    issueDocument(id: $id, version: $version) {\n      ...DocumentDetail\n    }\n  }\n": types.IssueDocumentDocument,
    "\n  mutation ConvertQuoteToInvoice($id: ID!, $version: Int!) {\n    converted: convertQuoteToInvoice(id: $id, version: $version) {\n      id\n      type\n    }\n  }\n": types.ConvertQuoteToInvoiceDocument,
    "\n  mutation ConvertPriceRequestToSupplierOrder($id: ID!, $version: Int!) {\n    converted: convertPriceRequestToSupplierOrder(id: $id, version: $version) {\n      id\n      type\n    }\n  }\n": types.ConvertPriceRequestToSupplierOrderDocument,
    "\n  mutation CreateCreditNoteFromInvoice($invoiceId: ID!, $lines: [CreditNoteLineInput!]) {\n    converted: createCreditNoteFromInvoice(invoiceId: $invoiceId, lines: $lines) {\n      id\n      type\n    }\n  }\n": types.CreateCreditNoteFromInvoiceDocument,
    "\n  mutation DuplicateDocument($id: ID!) {\n    duplicated: duplicateDocument(id: $id) {\n      id\n      type\n    }\n  }\n": types.DuplicateDocumentDocument,
    "\n  mutation DeleteDocument($id: ID!, $version: Int!) {\n    deleteDocument(id: $id, version: $version)\n  }\n": types.DeleteDocumentDocument,
    "\n  query DossierMembersForFilters {\n    colleagues {\n      id\n      name\n    }\n  }\n": types.DossierMembersForFiltersDocument,
    "\n  query ExportSetup {\n    exportColumns {\n      key\n      labelFr\n      labelEn\n      type\n      group\n      defaultSelected\n      description\n    }\n    exportPresets {\n      id\n      name\n      columns\n      shared\n      mine\n      owner {\n        id\n        name\n      }\n    }\n    dossierUsers {\n      members {\n        userId\n        name\n      }\n    }\n    customers(first: 200) {\n      nodes {\n        id\n        legalName\n      }\n    }\n    suppliers(first: 200) {\n      nodes {\n        id\n        legalName\n      }\n    }\n  }\n": types.ExportSetupDocument,
    "\n  query ExportPreview($filter: ExportFilterInput, $columns: [String!]!, $first: Int!) {\n    exportPreview(filter: $filter, columns: $columns, first: $first) {\n      totalCount\n      columns {\n        key\n        labelFr\n        labelEn\n        type\n      }\n      rows {\n        id\n        cells\n      }\n    }\n  }\n": types.ExportPreviewDocument,
    "\n  mutation SaveExportPreset($input: ExportPresetInput!) {\n    saveExportPreset(input: $input) {\n      id\n      name\n      columns\n      shared\n      mine\n      owner {\n        id\n        name\n      }\n    }\n  }\n": types.SaveExportPresetDocument,
    "\n  mutation DeleteExportPreset($id: ID!) {\n    deleteExportPreset(id: $id)\n  }\n": types.DeleteExportPresetDocument,
    "\n  fragment ExportJobFields on ExportLogEntry {\n    id\n    kind\n    format\n    status\n    totalRows\n    rowsWritten\n    cancelRequested\n    createdAt\n    finishedAt\n    durationMs\n    fileName\n    downloadUrl\n    error\n    columns\n    periodFrom\n    periodTo\n    filter {\n      types\n      statuses\n      from\n      to\n    }\n    user {\n      id\n      name\n    }\n  }\n": types.ExportJobFieldsFragmentDoc,
    "\n  mutation StartDocumentsExport($input: DocumentsExportInput!) {\n    startDocumentsExport(input: $input) {\n      ...ExportJobFields\n    }\n  }\n": types.StartDocumentsExportDocument,
    "\n  mutation StartActionSummaryExport($input: ActionSummaryExportInput!) {\n    startActionSummaryExport(input: $input) {\n      ...ExportJobFields\n    }\n  }\n": types.StartActionSummaryExportDocument,
    "\n  query ExportJob($id: ID!) {\n    exportJob(id: $id) {\n      ...ExportJobFields\n    }\n  }\n": types.ExportJobDocument,
    "\n  mutation CancelExport($id: ID!) {\n    cancelExport(id: $id) {\n      ...ExportJobFields\n    }\n  }\n": types.CancelExportDocument,
    "\n  query ExportLogs($first: Int!, $after: String) {\n    exportLogs(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...ExportJobFields\n      }\n    }\n  }\n": types.ExportLogsDocument,
    "\n  query ActionSummary($from: LocalDate, $to: LocalDate) {\n    actionSummary(from: $from, to: $to) {\n      from\n      to\n      rows {\n        user {\n          id\n          name\n        }\n        documentType\n        created\n        modified\n        issued\n        converted\n        deleted\n        total\n      }\n    }\n  }\n": types.ActionSummaryDocument,
    "\n  fragment HealthSummary_health on Health {\n    status\n    version\n    database\n    time\n  }\n": types.HealthSummary_HealthFragmentDoc,
    "\n  query ServerHealth {\n    health {\n      ...HealthSummary_health\n    }\n  }\n": types.ServerHealthDocument,
    "\n  fragment HistoryEntryFields on HistoryEntry {\n    id\n    sequence\n    type\n    entityType\n    createdAt\n    user {\n      id\n      name\n    }\n    changes {\n      field\n      before\n      after\n    }\n    fromStatus\n    toStatus\n    number\n    label\n    relationDirection\n    relatedDocumentId\n    relatedDocumentType\n    relatedDocumentNumber\n  }\n": types.HistoryEntryFieldsFragmentDoc,
    "\n  query VerifyHistory {\n    verifyHistory {\n      ok\n      checkedEntries\n      brokenAtSequence\n      brokenEntryId\n      reason\n    }\n  }\n": types.VerifyHistoryDocument,
    "\n  query CustomersList($first: Int!, $after: String, $search: String) {\n    list: customers(first: $first, after: $after, search: $search) {\n      nodes {\n        id\n        legalName\n        siren\n        city\n        contactName\n        paymentTermsDays\n        updatedAt\n        updatedBy {\n          id\n          name\n        }\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CustomersListDocument,
    "\n  query SuppliersList($first: Int!, $after: String, $search: String) {\n    list: suppliers(first: $first, after: $after, search: $search) {\n      nodes {\n        id\n        legalName\n        siren\n        city\n        contactName\n        paymentTermsDays\n        updatedAt\n        updatedBy {\n          id\n          name\n        }\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SuppliersListDocument,
    "\n  query CustomerPage($id: ID!) {\n    party: customer(id: $id) {\n      id\n      version\n      legalName\n      siren\n      siret\n      vatNumber\n      addressLine1\n      addressLine2\n      postalCode\n      city\n      country\n      contactName\n      contactEmail\n      contactPhone\n      paymentTermsDays\n      notes\n      createdAt\n      createdBy {\n        id\n        name\n      }\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n      history {\n        ...HistoryEntryFields\n      }\n    }\n  }\n": types.CustomerPageDocument,
    "\n  query SupplierPage($id: ID!) {\n    party: supplier(id: $id) {\n      id\n      version\n      legalName\n      siren\n      siret\n      vatNumber\n      addressLine1\n      addressLine2\n      postalCode\n      city\n      country\n      contactName\n      contactEmail\n      contactPhone\n      paymentTermsDays\n      notes\n      createdAt\n      createdBy {\n        id\n        name\n      }\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n      history {\n        ...HistoryEntryFields\n      }\n    }\n  }\n": types.SupplierPageDocument,
    "\n  mutation CreateCustomer($input: CustomerInput!) {\n    saved: createCustomer(input: $input) {\n      id\n    }\n  }\n": types.CreateCustomerDocument,
    "\n  mutation UpdateCustomer($id: ID!, $version: Int!, $input: CustomerInput!) {\n    saved: updateCustomer(id: $id, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n": types.UpdateCustomerDocument,
    "\n  mutation CreateSupplier($input: SupplierInput!) {\n    saved: createSupplier(input: $input) {\n      id\n    }\n  }\n": types.CreateSupplierDocument,
    "\n  mutation UpdateSupplier($id: ID!, $version: Int!, $input: SupplierInput!) {\n    saved: updateSupplier(id: $id, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n": types.UpdateSupplierDocument,
    "\n  query CustomerOptions($search: String) {\n    list: customers(first: 200, search: $search) {\n      nodes {\n        id\n        legalName\n        city\n      }\n      totalCount\n    }\n  }\n": types.CustomerOptionsDocument,
    "\n  query SupplierOptions($search: String) {\n    list: suppliers(first: 200, search: $search) {\n      nodes {\n        id\n        legalName\n        city\n      }\n      totalCount\n    }\n  }\n": types.SupplierOptionsDocument,
    "\n  query DossierSettings {\n    dossierSettings {\n      id\n      version\n      name\n      siret\n      vatNumber\n      addressLine\n      postalCode\n      city\n      country\n      quotePrefix\n      invoicePrefix\n      creditNotePrefix\n      priceRequestPrefix\n      supplierOrderPrefix\n      defaultVatRate\n      paymentTermsDays\n      legalMentions\n    }\n  }\n": types.DossierSettingsDocument,
    "\n  mutation UpdateDossierSettings($input: DossierSettingsInput!) {\n    updateDossierSettings(input: $input) {\n      id\n      version\n      name\n      siret\n      vatNumber\n      addressLine\n      postalCode\n      city\n      country\n      quotePrefix\n      invoicePrefix\n      creditNotePrefix\n      priceRequestPrefix\n      supplierOrderPrefix\n      defaultVatRate\n      paymentTermsDays\n      legalMentions\n    }\n  }\n": types.UpdateDossierSettingsDocument,
    "\n  query MySubscription {\n    mySubscription {\n      plan\n      includedSeats\n      extraSeats\n      totalSeats\n      seatsUsed\n      seatsAvailable\n      accountantAccess\n      accountants\n      canOrderSeats\n      seatUnitPriceCents\n      orders {\n        id\n        quantity\n        unitPriceCents\n        totalCents\n        totalInclVatCents\n        status\n        paymentReference\n        paymentInstructions\n        createdAt\n        orderedByName\n        paidAt\n      }\n    }\n  }\n": types.MySubscriptionDocument,
    "\n  mutation OrderSeats($quantity: Int!) {\n    orderSeats(quantity: $quantity) {\n      id\n      status\n      paymentInstructions\n    }\n  }\n": types.OrderSeatsDocument,
    "\n  mutation CancelSeatOrder($id: ID!) {\n    cancelSeatOrder(id: $id) {\n      id\n      status\n      cancelledAt\n    }\n  }\n": types.CancelSeatOrderDocument,
    "\n  query SettingsDossierUsers {\n    dossierUsers {\n      members {\n        userId\n        name\n        email\n        profile\n        isPrincipal\n        since\n        active\n      }\n      seats {\n        plan\n        includedSeats\n        extraSeats\n        totalSeats\n        seatsUsed\n        seatsAvailable\n        accountantAccess\n        accountants\n      }\n    }\n  }\n": types.SettingsDossierUsersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionMe {\n    me {\n      user {\n        id\n        email\n        name\n        phone\n        platformRole\n      }\n      dossier {\n        id\n        name\n        plan\n      }\n      profile\n      isPrincipal\n      needsDossierSelection\n      dossiers {\n        id\n        name\n        plan\n        profile\n        isPrincipal\n      }\n    }\n  }\n"): (typeof documents)["\n  query SessionMe {\n    me {\n      user {\n        id\n        email\n        name\n        phone\n        platformRole\n      }\n      dossier {\n        id\n        name\n        plan\n      }\n      profile\n      isPrincipal\n      needsDossierSelection\n      dossiers {\n        id\n        name\n        plan\n        profile\n        isPrincipal\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminActionRow on AdminAction {\n    id\n    createdAt\n    kind\n    supportUserName\n    supportUserEmail\n    dossierId\n    dossierName\n    targetUserEmail\n    detail\n  }\n"): (typeof documents)["\n  fragment AdminActionRow on AdminAction {\n    id\n    createdAt\n    kind\n    supportUserName\n    supportUserEmail\n    dossierId\n    dossierName\n    targetUserEmail\n    detail\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminActions {\n    adminActions(first: 200) {\n      ...AdminActionRow\n    }\n  }\n"): (typeof documents)["\n  query AdminActions {\n    adminActions(first: 200) {\n      ...AdminActionRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDossier($id: ID!) {\n    adminDossier(id: $id) {\n      id\n      name\n      siret\n      vatNumber\n      addressLine\n      postalCode\n      city\n      createdAt\n      plan\n      seats {\n        plan\n        includedSeats\n        extraSeats\n        totalSeats\n        seatsUsed\n        seatsAvailable\n        accountantAccess\n        accountants\n      }\n      members {\n        userId\n        name\n        email\n        phone\n        profile\n        isPrincipal\n        since\n        active\n      }\n      seatOrders {\n        id\n        quantity\n        totalCents\n        totalInclVatCents\n        status\n        paymentReference\n        createdAt\n        orderedByName\n        paidAt\n        markedPaidByName\n        receivedReference\n      }\n      recentActions {\n        ...AdminActionRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminDossier($id: ID!) {\n    adminDossier(id: $id) {\n      id\n      name\n      siret\n      vatNumber\n      addressLine\n      postalCode\n      city\n      createdAt\n      plan\n      seats {\n        plan\n        includedSeats\n        extraSeats\n        totalSeats\n        seatsUsed\n        seatsAvailable\n        accountantAccess\n        accountants\n      }\n      members {\n        userId\n        name\n        email\n        phone\n        profile\n        isPrincipal\n        since\n        active\n      }\n      seatOrders {\n        id\n        quantity\n        totalCents\n        totalInclVatCents\n        status\n        paymentReference\n        createdAt\n        orderedByName\n        paidAt\n        markedPaidByName\n        receivedReference\n      }\n      recentActions {\n        ...AdminActionRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminChangePlan($dossierId: ID!, $plan: Plan!) {\n    adminChangePlan(dossierId: $dossierId, plan: $plan) {\n      id\n      plan\n    }\n  }\n"): (typeof documents)["\n  mutation AdminChangePlan($dossierId: ID!, $plan: Plan!) {\n    adminChangePlan(dossierId: $dossierId, plan: $plan) {\n      id\n      plan\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminAddUser($dossierId: ID!, $input: AdminAddUserInput!) {\n    adminAddUser(dossierId: $dossierId, input: $input) {\n      userId\n      email\n      profile\n    }\n  }\n"): (typeof documents)["\n  mutation AdminAddUser($dossierId: ID!, $input: AdminAddUserInput!) {\n    adminAddUser(dossierId: $dossierId, input: $input) {\n      userId\n      email\n      profile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminChangeProfile($dossierId: ID!, $userId: ID!, $profile: Profile!) {\n    adminChangeProfile(dossierId: $dossierId, userId: $userId, profile: $profile) {\n      userId\n      profile\n    }\n  }\n"): (typeof documents)["\n  mutation AdminChangeProfile($dossierId: ID!, $userId: ID!, $profile: Profile!) {\n    adminChangeProfile(dossierId: $dossierId, userId: $userId, profile: $profile) {\n      userId\n      profile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRemoveUser($dossierId: ID!, $userId: ID!) {\n    adminRemoveUser(dossierId: $dossierId, userId: $userId)\n  }\n"): (typeof documents)["\n  mutation AdminRemoveUser($dossierId: ID!, $userId: ID!) {\n    adminRemoveUser(dossierId: $dossierId, userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminMarkSeatOrderPaid($orderId: ID!, $reference: String) {\n    adminMarkSeatOrderPaid(orderId: $orderId, reference: $reference) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AdminMarkSeatOrderPaid($orderId: ID!, $reference: String) {\n    adminMarkSeatOrderPaid(orderId: $orderId, reference: $reference) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCancelSeatOrder($orderId: ID!) {\n    adminCancelSeatOrder(orderId: $orderId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCancelSeatOrder($orderId: ID!) {\n    adminCancelSeatOrder(orderId: $orderId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSearchDossiers($query: String!) {\n    adminSearchDossiers(query: $query, first: 50) {\n      id\n      name\n      siret\n      city\n      plan\n      members\n      principalEmail\n    }\n  }\n"): (typeof documents)["\n  query AdminSearchDossiers($query: String!) {\n    adminSearchDossiers(query: $query, first: 50) {\n      id\n      name\n      siret\n      city\n      plan\n      members\n      principalEmail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOutbox($first: Int!, $after: String) {\n    adminOutbox(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        createdAt\n        to\n        subject\n        text\n        status\n        error\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminOutbox($first: Int!, $after: String) {\n    adminOutbox(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        createdAt\n        to\n        subject\n        text\n        status\n        error\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSearchUsers($query: String!) {\n    adminSearchUsers(query: $query, first: 50) {\n      id\n      email\n      name\n      phone\n      platformRole\n      active\n      memberships {\n        dossierId\n        dossierName\n        profile\n        isPrincipal\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminSearchUsers($query: String!) {\n    adminSearchUsers(query: $query, first: 50) {\n      id\n      email\n      name\n      phone\n      platformRole\n      active\n      memberships {\n        dossierId\n        dossierName\n        profile\n        isPrincipal\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminChangeLoginEmail($userId: ID!, $newEmail: String!) {\n    adminChangeLoginEmail(userId: $userId, newEmail: $newEmail) {\n      id\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation AdminChangeLoginEmail($userId: ID!, $newEmail: String!) {\n    adminChangeLoginEmail(userId: $userId, newEmail: $newEmail) {\n      id\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticlesList($first: Int!, $after: String, $search: String, $activeOnly: Boolean, $withCosts: Boolean!) {\n    list: articles(first: $first, after: $after, search: $search, activeOnly: $activeOnly) {\n      nodes {\n        id\n        reference\n        label\n        unit\n        salePriceCents\n        purchasePriceCents @include(if: $withCosts)\n        marginCents @include(if: $withCosts)\n        marginRate @include(if: $withCosts)\n        vatRate\n        active\n        updatedAt\n        updatedBy {\n          id\n          name\n        }\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticlesList($first: Int!, $after: String, $search: String, $activeOnly: Boolean, $withCosts: Boolean!) {\n    list: articles(first: $first, after: $after, search: $search, activeOnly: $activeOnly) {\n      nodes {\n        id\n        reference\n        label\n        unit\n        salePriceCents\n        purchasePriceCents @include(if: $withCosts)\n        marginCents @include(if: $withCosts)\n        marginRate @include(if: $withCosts)\n        vatRate\n        active\n        updatedAt\n        updatedBy {\n          id\n          name\n        }\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticlePage($id: ID!) {\n    article(id: $id) {\n      id\n      version\n      reference\n      label\n      unit\n      salePriceCents\n      purchasePriceCents\n      marginCents\n      marginRate\n      vatRate\n      active\n      createdAt\n      createdBy {\n        id\n        name\n      }\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n      history {\n        ...HistoryEntryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticlePage($id: ID!) {\n    article(id: $id) {\n      id\n      version\n      reference\n      label\n      unit\n      salePriceCents\n      purchasePriceCents\n      marginCents\n      marginRate\n      vatRate\n      active\n      createdAt\n      createdBy {\n        id\n        name\n      }\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n      history {\n        ...HistoryEntryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateArticle($input: ArticleInput!) {\n    saved: createArticle(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateArticle($input: ArticleInput!) {\n    saved: createArticle(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateArticle($id: ID!, $version: Int!, $input: ArticleInput!) {\n    saved: updateArticle(id: $id, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateArticle($id: ID!, $version: Int!, $input: ArticleInput!) {\n    saved: updateArticle(id: $id, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleOptions($search: String, $withCosts: Boolean!) {\n    list: articles(first: 50, search: $search, activeOnly: true) {\n      nodes {\n        id\n        reference\n        label\n        unit\n        salePriceCents\n        purchasePriceCents @include(if: $withCosts)\n        vatRate\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query ArticleOptions($search: String, $withCosts: Boolean!) {\n    list: articles(first: 50, search: $search, activeOnly: true) {\n      nodes {\n        id\n        reference\n        label\n        unit\n        salePriceCents\n        purchasePriceCents @include(if: $withCosts)\n        vatRate\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      needsDossierSelection\n      dossier {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      needsDossierSelection\n      dossier {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthSignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      dossier {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthSignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      dossier {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthSelectDossier($dossierId: ID!) {\n    selectDossier(dossierId: $dossierId) {\n      dossier {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthSelectDossier($dossierId: ID!) {\n    selectDossier(dossierId: $dossierId) {\n      dossier {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthLogout {\n    logout\n  }\n"): (typeof documents)["\n  mutation AuthLogout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthRequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation AuthRequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation AuthResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthInvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      email\n      name\n      dossierName\n    }\n  }\n"): (typeof documents)["\n  query AuthInvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      email\n      name\n      dossierName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthAcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      needsDossierSelection\n    }\n  }\n"): (typeof documents)["\n  mutation AuthAcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      needsDossierSelection\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation AuthChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthMySessions {\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      ip\n      userAgent\n      current\n    }\n  }\n"): (typeof documents)["\n  query AuthMySessions {\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      ip\n      userAgent\n      current\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthRevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"): (typeof documents)["\n  mutation AuthRevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DocumentListFields on Document {\n    id\n    type\n    status\n    number\n    date\n    dueDate\n    partyId\n    partyName\n    totalExclVatCents\n    totalInclVatCents\n    createdAt\n    createdBy {\n      id\n      name\n    }\n    updatedAt\n    updatedBy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment DocumentListFields on Document {\n    id\n    type\n    status\n    number\n    date\n    dueDate\n    partyId\n    partyName\n    totalExclVatCents\n    totalInclVatCents\n    createdAt\n    createdBy {\n      id\n      name\n    }\n    updatedAt\n    updatedBy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuotesList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: quotes(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query QuotesList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: quotes(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvoicesList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: invoices(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query InvoicesList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: invoices(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditNotesList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: creditNotes(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query CreditNotesList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: creditNotes(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PriceRequestsList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: priceRequests(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query PriceRequestsList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: priceRequests(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierOrdersList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: supplierOrders(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupplierOrdersList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {\n    list: supplierOrders(first: $first, after: $after, filter: $filter, sort: $sort) {\n      nodes {\n        ...DocumentListFields\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DocumentDetail on Document {\n    id\n    type\n    status\n    number\n    date\n    dueDate\n    version\n    partyId\n    partyName\n    subject\n    notes\n    lines {\n      id\n      position\n      articleId\n      description\n      quantity\n      unit\n      unitPriceCents\n      discountPercent\n      vatRate\n      totalExclVatCents\n      sourceLineId\n      remainingToCredit\n    }\n    lineCount\n    totalExclVatCents\n    totalVatCents\n    totalInclVatCents\n    vatBreakdown {\n      vatRate\n      baseCents\n      vatCents\n    }\n    sourceDocument {\n      id\n      type\n      number\n      status\n      createdAt\n      createdBy {\n        id\n        name\n      }\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n      history {\n        ...HistoryEntryFields\n      }\n    }\n    derivedDocuments {\n      id\n      type\n      number\n      status\n    }\n    issuedAt\n    allowedStatuses\n    canEdit\n    canDelete\n    canConvertTo\n    createdAt\n    createdBy {\n      id\n      name\n    }\n    updatedAt\n    updatedBy {\n      id\n      name\n    }\n    history {\n      ...HistoryEntryFields\n    }\n  }\n"): (typeof documents)["\n  fragment DocumentDetail on Document {\n    id\n    type\n    status\n    number\n    date\n    dueDate\n    version\n    partyId\n    partyName\n    subject\n    notes\n    lines {\n      id\n      position\n      articleId\n      description\n      quantity\n      unit\n      unitPriceCents\n      discountPercent\n      vatRate\n      totalExclVatCents\n      sourceLineId\n      remainingToCredit\n    }\n    lineCount\n    totalExclVatCents\n    totalVatCents\n    totalInclVatCents\n    vatBreakdown {\n      vatRate\n      baseCents\n      vatCents\n    }\n    sourceDocument {\n      id\n      type\n      number\n      status\n      createdAt\n      createdBy {\n        id\n        name\n      }\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n      history {\n        ...HistoryEntryFields\n      }\n    }\n    derivedDocuments {\n      id\n      type\n      number\n      status\n    }\n    issuedAt\n    allowedStatuses\n    canEdit\n    canDelete\n    canConvertTo\n    createdAt\n    createdBy {\n      id\n      name\n    }\n    updatedAt\n    updatedBy {\n      id\n      name\n    }\n    history {\n      ...HistoryEntryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentPage($id: ID!) {\n    document(id: $id) {\n      ...DocumentDetail\n    }\n  }\n"): (typeof documents)["\n  query DocumentPage($id: ID!) {\n    document(id: $id) {\n      ...DocumentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateQuote($input: DocumentInput!) {\n    created: createQuote(input: $input) {\n      ...DocumentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CreateQuote($input: DocumentInput!) {\n    created: createQuote(input: $input) {\n      ...DocumentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInvoice($input: DocumentInput!) {\n    created: createInvoice(input: $input) {\n      ...DocumentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CreateInvoice($input: DocumentInput!) {\n    created: createInvoice(input: $input) {\n      ...DocumentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCreditNote($input: DocumentInput!) {\n    created: createCreditNote(input: $input) {\n      ...DocumentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCreditNote($input: DocumentInput!) {\n    created: createCreditNote(input: $input) {\n      ...DocumentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePriceRequest($input: DocumentInput!) {\n    created: createPriceRequest(input: $input) {\n      ...DocumentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePriceRequest($input: DocumentInput!) {\n    created: createPriceRequest(input: $input) {\n      ...DocumentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSupplierOrder($input: DocumentInput!) {\n    created: createSupplierOrder(input: $input) {\n      ...DocumentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSupplierOrder($input: DocumentInput!) {\n    created: createSupplierOrder(input: $input) {\n      ...DocumentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDocument($id: ID!, $version: Int!, $input: DocumentInput!) {\n    updateDocument(id: $id, version: $version, input: $input) {\n      ...DocumentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDocument($id: ID!, $version: Int!, $input: DocumentInput!) {\n    updateDocument(id: $id, version: $version, input: $input) {\n      ...DocumentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeDocumentStatus($id: ID!, $version: Int!, $status: DocumentStatus!) {\n    changeDocumentStatus(id: $id, version: $version, status: $status) {\n      ...DocumentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeDocumentStatus($id: ID!, $version: Int!, $status: DocumentStatus!) {\n    changeDocumentStatus(id: $id, version: $version, status: $status) {\n      ...DocumentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendDocument($id: ID!, $version: Int!) {\n    sendDocument(id: $id, version: $version) {\n      ...DocumentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation SendDocument($id: ID!, $version: Int!) {\n    sendDocument(id: $id, version: $version) {\n      ...DocumentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueDocument($id: ID!, $version: Int!) {\n    issueDocument(id: $id, version: $version) {\n      ...DocumentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation IssueDocument($id: ID!, $version: Int!) {\n    issueDocument(id: $id, version: $version) {\n      ...DocumentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConvertQuoteToInvoice($id: ID!, $version: Int!) {\n    converted: convertQuoteToInvoice(id: $id, version: $version) {\n      id\n      type\n    }\n  }\n"): (typeof documents)["\n  mutation ConvertQuoteToInvoice($id: ID!, $version: Int!) {\n    converted: convertQuoteToInvoice(id: $id, version: $version) {\n      id\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConvertPriceRequestToSupplierOrder($id: ID!, $version: Int!) {\n    converted: convertPriceRequestToSupplierOrder(id: $id, version: $version) {\n      id\n      type\n    }\n  }\n"): (typeof documents)["\n  mutation ConvertPriceRequestToSupplierOrder($id: ID!, $version: Int!) {\n    converted: convertPriceRequestToSupplierOrder(id: $id, version: $version) {\n      id\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCreditNoteFromInvoice($invoiceId: ID!, $lines: [CreditNoteLineInput!]) {\n    converted: createCreditNoteFromInvoice(invoiceId: $invoiceId, lines: $lines) {\n      id\n      type\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCreditNoteFromInvoice($invoiceId: ID!, $lines: [CreditNoteLineInput!]) {\n    converted: createCreditNoteFromInvoice(invoiceId: $invoiceId, lines: $lines) {\n      id\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DuplicateDocument($id: ID!) {\n    duplicated: duplicateDocument(id: $id) {\n      id\n      type\n    }\n  }\n"): (typeof documents)["\n  mutation DuplicateDocument($id: ID!) {\n    duplicated: duplicateDocument(id: $id) {\n      id\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDocument($id: ID!, $version: Int!) {\n    deleteDocument(id: $id, version: $version)\n  }\n"): (typeof documents)["\n  mutation DeleteDocument($id: ID!, $version: Int!) {\n    deleteDocument(id: $id, version: $version)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DossierMembersForFilters {\n    colleagues {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query DossierMembersForFilters {\n    colleagues {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportSetup {\n    exportColumns {\n      key\n      labelFr\n      labelEn\n      type\n      group\n      defaultSelected\n      description\n    }\n    exportPresets {\n      id\n      name\n      columns\n      shared\n      mine\n      owner {\n        id\n        name\n      }\n    }\n    dossierUsers {\n      members {\n        userId\n        name\n      }\n    }\n    customers(first: 200) {\n      nodes {\n        id\n        legalName\n      }\n    }\n    suppliers(first: 200) {\n      nodes {\n        id\n        legalName\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExportSetup {\n    exportColumns {\n      key\n      labelFr\n      labelEn\n      type\n      group\n      defaultSelected\n      description\n    }\n    exportPresets {\n      id\n      name\n      columns\n      shared\n      mine\n      owner {\n        id\n        name\n      }\n    }\n    dossierUsers {\n      members {\n        userId\n        name\n      }\n    }\n    customers(first: 200) {\n      nodes {\n        id\n        legalName\n      }\n    }\n    suppliers(first: 200) {\n      nodes {\n        id\n        legalName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportPreview($filter: ExportFilterInput, $columns: [String!]!, $first: Int!) {\n    exportPreview(filter: $filter, columns: $columns, first: $first) {\n      totalCount\n      columns {\n        key\n        labelFr\n        labelEn\n        type\n      }\n      rows {\n        id\n        cells\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExportPreview($filter: ExportFilterInput, $columns: [String!]!, $first: Int!) {\n    exportPreview(filter: $filter, columns: $columns, first: $first) {\n      totalCount\n      columns {\n        key\n        labelFr\n        labelEn\n        type\n      }\n      rows {\n        id\n        cells\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveExportPreset($input: ExportPresetInput!) {\n    saveExportPreset(input: $input) {\n      id\n      name\n      columns\n      shared\n      mine\n      owner {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveExportPreset($input: ExportPresetInput!) {\n    saveExportPreset(input: $input) {\n      id\n      name\n      columns\n      shared\n      mine\n      owner {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteExportPreset($id: ID!) {\n    deleteExportPreset(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteExportPreset($id: ID!) {\n    deleteExportPreset(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExportJobFields on ExportLogEntry {\n    id\n    kind\n    format\n    status\n    totalRows\n    rowsWritten\n    cancelRequested\n    createdAt\n    finishedAt\n    durationMs\n    fileName\n    downloadUrl\n    error\n    columns\n    periodFrom\n    periodTo\n    filter {\n      types\n      statuses\n      from\n      to\n    }\n    user {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ExportJobFields on ExportLogEntry {\n    id\n    kind\n    format\n    status\n    totalRows\n    rowsWritten\n    cancelRequested\n    createdAt\n    finishedAt\n    durationMs\n    fileName\n    downloadUrl\n    error\n    columns\n    periodFrom\n    periodTo\n    filter {\n      types\n      statuses\n      from\n      to\n    }\n    user {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartDocumentsExport($input: DocumentsExportInput!) {\n    startDocumentsExport(input: $input) {\n      ...ExportJobFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartDocumentsExport($input: DocumentsExportInput!) {\n    startDocumentsExport(input: $input) {\n      ...ExportJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartActionSummaryExport($input: ActionSummaryExportInput!) {\n    startActionSummaryExport(input: $input) {\n      ...ExportJobFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartActionSummaryExport($input: ActionSummaryExportInput!) {\n    startActionSummaryExport(input: $input) {\n      ...ExportJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportJob($id: ID!) {\n    exportJob(id: $id) {\n      ...ExportJobFields\n    }\n  }\n"): (typeof documents)["\n  query ExportJob($id: ID!) {\n    exportJob(id: $id) {\n      ...ExportJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelExport($id: ID!) {\n    cancelExport(id: $id) {\n      ...ExportJobFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelExport($id: ID!) {\n    cancelExport(id: $id) {\n      ...ExportJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportLogs($first: Int!, $after: String) {\n    exportLogs(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...ExportJobFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExportLogs($first: Int!, $after: String) {\n    exportLogs(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...ExportJobFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActionSummary($from: LocalDate, $to: LocalDate) {\n    actionSummary(from: $from, to: $to) {\n      from\n      to\n      rows {\n        user {\n          id\n          name\n        }\n        documentType\n        created\n        modified\n        issued\n        converted\n        deleted\n        total\n      }\n    }\n  }\n"): (typeof documents)["\n  query ActionSummary($from: LocalDate, $to: LocalDate) {\n    actionSummary(from: $from, to: $to) {\n      from\n      to\n      rows {\n        user {\n          id\n          name\n        }\n        documentType\n        created\n        modified\n        issued\n        converted\n        deleted\n        total\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HealthSummary_health on Health {\n    status\n    version\n    database\n    time\n  }\n"): (typeof documents)["\n  fragment HealthSummary_health on Health {\n    status\n    version\n    database\n    time\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServerHealth {\n    health {\n      ...HealthSummary_health\n    }\n  }\n"): (typeof documents)["\n  query ServerHealth {\n    health {\n      ...HealthSummary_health\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HistoryEntryFields on HistoryEntry {\n    id\n    sequence\n    type\n    entityType\n    createdAt\n    user {\n      id\n      name\n    }\n    changes {\n      field\n      before\n      after\n    }\n    fromStatus\n    toStatus\n    number\n    label\n    relationDirection\n    relatedDocumentId\n    relatedDocumentType\n    relatedDocumentNumber\n  }\n"): (typeof documents)["\n  fragment HistoryEntryFields on HistoryEntry {\n    id\n    sequence\n    type\n    entityType\n    createdAt\n    user {\n      id\n      name\n    }\n    changes {\n      field\n      before\n      after\n    }\n    fromStatus\n    toStatus\n    number\n    label\n    relationDirection\n    relatedDocumentId\n    relatedDocumentType\n    relatedDocumentNumber\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyHistory {\n    verifyHistory {\n      ok\n      checkedEntries\n      brokenAtSequence\n      brokenEntryId\n      reason\n    }\n  }\n"): (typeof documents)["\n  query VerifyHistory {\n    verifyHistory {\n      ok\n      checkedEntries\n      brokenAtSequence\n      brokenEntryId\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomersList($first: Int!, $after: String, $search: String) {\n    list: customers(first: $first, after: $after, search: $search) {\n      nodes {\n        id\n        legalName\n        siren\n        city\n        contactName\n        paymentTermsDays\n        updatedAt\n        updatedBy {\n          id\n          name\n        }\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomersList($first: Int!, $after: String, $search: String) {\n    list: customers(first: $first, after: $after, search: $search) {\n      nodes {\n        id\n        legalName\n        siren\n        city\n        contactName\n        paymentTermsDays\n        updatedAt\n        updatedBy {\n          id\n          name\n        }\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SuppliersList($first: Int!, $after: String, $search: String) {\n    list: suppliers(first: $first, after: $after, search: $search) {\n      nodes {\n        id\n        legalName\n        siren\n        city\n        contactName\n        paymentTermsDays\n        updatedAt\n        updatedBy {\n          id\n          name\n        }\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SuppliersList($first: Int!, $after: String, $search: String) {\n    list: suppliers(first: $first, after: $after, search: $search) {\n      nodes {\n        id\n        legalName\n        siren\n        city\n        contactName\n        paymentTermsDays\n        updatedAt\n        updatedBy {\n          id\n          name\n        }\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerPage($id: ID!) {\n    party: customer(id: $id) {\n      id\n      version\n      legalName\n      siren\n      siret\n      vatNumber\n      addressLine1\n      addressLine2\n      postalCode\n      city\n      country\n      contactName\n      contactEmail\n      contactPhone\n      paymentTermsDays\n      notes\n      createdAt\n      createdBy {\n        id\n        name\n      }\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n      history {\n        ...HistoryEntryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerPage($id: ID!) {\n    party: customer(id: $id) {\n      id\n      version\n      legalName\n      siren\n      siret\n      vatNumber\n      addressLine1\n      addressLine2\n      postalCode\n      city\n      country\n      contactName\n      contactEmail\n      contactPhone\n      paymentTermsDays\n      notes\n      createdAt\n      createdBy {\n        id\n        name\n      }\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n      history {\n        ...HistoryEntryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierPage($id: ID!) {\n    party: supplier(id: $id) {\n      id\n      version\n      legalName\n      siren\n      siret\n      vatNumber\n      addressLine1\n      addressLine2\n      postalCode\n      city\n      country\n      contactName\n      contactEmail\n      contactPhone\n      paymentTermsDays\n      notes\n      createdAt\n      createdBy {\n        id\n        name\n      }\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n      history {\n        ...HistoryEntryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupplierPage($id: ID!) {\n    party: supplier(id: $id) {\n      id\n      version\n      legalName\n      siren\n      siret\n      vatNumber\n      addressLine1\n      addressLine2\n      postalCode\n      city\n      country\n      contactName\n      contactEmail\n      contactPhone\n      paymentTermsDays\n      notes\n      createdAt\n      createdBy {\n        id\n        name\n      }\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n      history {\n        ...HistoryEntryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCustomer($input: CustomerInput!) {\n    saved: createCustomer(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCustomer($input: CustomerInput!) {\n    saved: createCustomer(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCustomer($id: ID!, $version: Int!, $input: CustomerInput!) {\n    saved: updateCustomer(id: $id, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCustomer($id: ID!, $version: Int!, $input: CustomerInput!) {\n    saved: updateCustomer(id: $id, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSupplier($input: SupplierInput!) {\n    saved: createSupplier(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSupplier($input: SupplierInput!) {\n    saved: createSupplier(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSupplier($id: ID!, $version: Int!, $input: SupplierInput!) {\n    saved: updateSupplier(id: $id, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSupplier($id: ID!, $version: Int!, $input: SupplierInput!) {\n    saved: updateSupplier(id: $id, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerOptions($search: String) {\n    list: customers(first: 200, search: $search) {\n      nodes {\n        id\n        legalName\n        city\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query CustomerOptions($search: String) {\n    list: customers(first: 200, search: $search) {\n      nodes {\n        id\n        legalName\n        city\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierOptions($search: String) {\n    list: suppliers(first: 200, search: $search) {\n      nodes {\n        id\n        legalName\n        city\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query SupplierOptions($search: String) {\n    list: suppliers(first: 200, search: $search) {\n      nodes {\n        id\n        legalName\n        city\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DossierSettings {\n    dossierSettings {\n      id\n      version\n      name\n      siret\n      vatNumber\n      addressLine\n      postalCode\n      city\n      country\n      quotePrefix\n      invoicePrefix\n      creditNotePrefix\n      priceRequestPrefix\n      supplierOrderPrefix\n      defaultVatRate\n      paymentTermsDays\n      legalMentions\n    }\n  }\n"): (typeof documents)["\n  query DossierSettings {\n    dossierSettings {\n      id\n      version\n      name\n      siret\n      vatNumber\n      addressLine\n      postalCode\n      city\n      country\n      quotePrefix\n      invoicePrefix\n      creditNotePrefix\n      priceRequestPrefix\n      supplierOrderPrefix\n      defaultVatRate\n      paymentTermsDays\n      legalMentions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDossierSettings($input: DossierSettingsInput!) {\n    updateDossierSettings(input: $input) {\n      id\n      version\n      name\n      siret\n      vatNumber\n      addressLine\n      postalCode\n      city\n      country\n      quotePrefix\n      invoicePrefix\n      creditNotePrefix\n      priceRequestPrefix\n      supplierOrderPrefix\n      defaultVatRate\n      paymentTermsDays\n      legalMentions\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDossierSettings($input: DossierSettingsInput!) {\n    updateDossierSettings(input: $input) {\n      id\n      version\n      name\n      siret\n      vatNumber\n      addressLine\n      postalCode\n      city\n      country\n      quotePrefix\n      invoicePrefix\n      creditNotePrefix\n      priceRequestPrefix\n      supplierOrderPrefix\n      defaultVatRate\n      paymentTermsDays\n      legalMentions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySubscription {\n    mySubscription {\n      plan\n      includedSeats\n      extraSeats\n      totalSeats\n      seatsUsed\n      seatsAvailable\n      accountantAccess\n      accountants\n      canOrderSeats\n      seatUnitPriceCents\n      orders {\n        id\n        quantity\n        unitPriceCents\n        totalCents\n        totalInclVatCents\n        status\n        paymentReference\n        paymentInstructions\n        createdAt\n        orderedByName\n        paidAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query MySubscription {\n    mySubscription {\n      plan\n      includedSeats\n      extraSeats\n      totalSeats\n      seatsUsed\n      seatsAvailable\n      accountantAccess\n      accountants\n      canOrderSeats\n      seatUnitPriceCents\n      orders {\n        id\n        quantity\n        unitPriceCents\n        totalCents\n        totalInclVatCents\n        status\n        paymentReference\n        paymentInstructions\n        createdAt\n        orderedByName\n        paidAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrderSeats($quantity: Int!) {\n    orderSeats(quantity: $quantity) {\n      id\n      status\n      paymentInstructions\n    }\n  }\n"): (typeof documents)["\n  mutation OrderSeats($quantity: Int!) {\n    orderSeats(quantity: $quantity) {\n      id\n      status\n      paymentInstructions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelSeatOrder($id: ID!) {\n    cancelSeatOrder(id: $id) {\n      id\n      status\n      cancelledAt\n    }\n  }\n"): (typeof documents)["\n  mutation CancelSeatOrder($id: ID!) {\n    cancelSeatOrder(id: $id) {\n      id\n      status\n      cancelledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsDossierUsers {\n    dossierUsers {\n      members {\n        userId\n        name\n        email\n        profile\n        isPrincipal\n        since\n        active\n      }\n      seats {\n        plan\n        includedSeats\n        extraSeats\n        totalSeats\n        seatsUsed\n        seatsAvailable\n        accountantAccess\n        accountants\n      }\n    }\n  }\n"): (typeof documents)["\n  query SettingsDossierUsers {\n    dossierUsers {\n      members {\n        userId\n        name\n        email\n        profile\n        isPrincipal\n        since\n        active\n      }\n      seats {\n        plan\n        includedSeats\n        extraSeats\n        totalSeats\n        seatsUsed\n        seatsAvailable\n        accountantAccess\n        accountants\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;