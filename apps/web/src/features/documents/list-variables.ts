// No imports: `src/boot/boot.ts` (the start-up preload, its own tiny chunk) uses it too.

/** Rows a list page asks for at a time. */
export const LIST_PAGE_SIZE = 50;

/**
 * Each document list's path, its query (by operation name), whether it offers the overdue
 * filter, and the query of its party filter's options (customers or suppliers).
 */
export const LIST_OPERATIONS: Record<string, { operation: string; overdueFilter: boolean; partyOptions: string }> = {
  '/devis': { operation: 'QuotesList', overdueFilter: false, partyOptions: 'CustomerOptions' },
  '/factures': { operation: 'InvoicesList', overdueFilter: true, partyOptions: 'CustomerOptions' },
  '/avoirs': { operation: 'CreditNotesList', overdueFilter: false, partyOptions: 'CustomerOptions' },
  '/demandes-de-prix': { operation: 'PriceRequestsList', overdueFilter: false, partyOptions: 'SupplierOptions' },
  '/commandes-fournisseurs': { operation: 'SupplierOrdersList', overdueFilter: false, partyOptions: 'SupplierOptions' },
};

/**
 * The variables of a document list's query for the filters in its URL: the list page
 * asks for exactly these, and the start-up preload (`src/boot/boot.ts`) sends the same
 * before the page's code has arrived, so the page finds its answer waiting.
 */
export function listVariables(params: URLSearchParams, overdueFilter: boolean) {
  const get = (name: string) => params.get(name) || null;
  return {
    first: LIST_PAGE_SIZE,
    filter: {
      statuses: get('statut') ? [get('statut')!] : null,
      dateFrom: get('du'),
      dateTo: get('au'),
      partyId: get('tiers'),
      createdById: get('creePar'),
      updatedById: get('modifiePar'),
      search: get('q'),
      overdue: overdueFilter && params.get('retard') === '1' ? true : null,
    },
    sort: { field: get('tri') ?? 'DATE', direction: get('ordre') ?? 'DESC' },
  };
}
