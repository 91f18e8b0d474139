declare module 'virtual:boot-queries' {
  /** The operations the start-up preload may send (BOOT_OPERATIONS in vite.plugins.ts). */
  export type BootOperation =
    | 'SessionMe'
    | 'SalesDashboard'
    | 'CommercialDashboard'
    | 'PurchasesDashboard'
    | 'AccountingDashboard'
    | 'QuotesList'
    | 'InvoicesList'
    | 'CreditNotesList'
    | 'PriceRequestsList'
    | 'SupplierOrdersList'
    | 'CustomerOptions'
    | 'SupplierOptions'
    | 'DossierMembersForFilters';
  /** Each operation's text as Apollo sends it (with `__typename`s). */
  export const BOOT_QUERIES: Record<BootOperation, string>;
}
