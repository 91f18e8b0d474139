import { graphql } from '../../gql';

export const DashboardDocumentFragment = graphql(`
  fragment DashboardDocument on Document {
    id
    type
    status
    number
    date
    dueDate
    partyName
    totalExclVatCents
    totalInclVatCents
  }
`);

export const SalesDashboardQuery = graphql(`
  query SalesDashboard {
    salesDashboard {
      today
      revenue {
        thisMonthCents
        thisMonthLastYearCents
        yearToDateCents
        lastYearToDateCents
        lastYearCents
        months {
          month
          revenueCents
          lastYearCents
        }
      }
      unpaid {
        count
        totalInclVatCents
        overdueCount
        overdueInclVatCents
        invoices {
          dueDate
          daysOverdue
          document {
            ...DashboardDocument
          }
        }
      }
      quotesAwaiting {
        count
        totalExclVatCents
        documents {
          ...DashboardDocument
        }
      }
      activity {
        entry {
          id
          type
          entityType
          entityId
          number
          label
          createdAt
          user {
            id
            name
          }
        }
        document {
          id
          type
          number
          partyName
        }
        subject
      }
    }
  }
`);

export const CommercialDashboardQuery = graphql(`
  query CommercialDashboard {
    commercialDashboard {
      byStatus {
        status
        count
        totalExclVatCents
      }
      conversionRate
      awaiting {
        count
        totalExclVatCents
        documents {
          ...DashboardDocument
        }
      }
      drafts {
        count
        totalExclVatCents
        documents {
          ...DashboardDocument
        }
      }
    }
  }
`);

export const PurchasesDashboardQuery = graphql(`
  query PurchasesDashboard {
    purchasesDashboard {
      openPriceRequests {
        count
        totalExclVatCents
        documents {
          ...DashboardDocument
        }
      }
      ordersToReceive {
        count
        totalExclVatCents
        documents {
          ...DashboardDocument
        }
      }
    }
  }
`);

export const AccountingDashboardQuery = graphql(`
  query AccountingDashboard {
    accountingDashboard {
      month
      invoices {
        count
        totalExclVatCents
        documents {
          ...DashboardDocument
        }
      }
      creditNotes {
        count
        totalExclVatCents
        documents {
          ...DashboardDocument
        }
      }
    }
  }
`);
