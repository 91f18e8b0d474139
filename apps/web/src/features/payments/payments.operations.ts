import { graphql } from '../../gql';

export const InvoicePaymentsQuery = graphql(`
  query InvoicePayments($id: ID!) {
    document(id: $id) {
      id
      type
      status
      version
      dueDate
      totalInclVatCents
      amountPaidCents
      amountCreditedCents
      balanceDueCents
      daysLate
      payments {
        id
        amountCents
        date
        method
        reference
        createdAt
        createdBy {
          id
          name
        }
      }
    }
  }
`);

export const RecordPaymentMutation = graphql(`
  mutation RecordPayment($input: PaymentInput!) {
    recordPayment(input: $input) {
      id
      status
      version
      balanceDueCents
    }
  }
`);

export const DeletePaymentMutation = graphql(`
  mutation DeletePayment($id: ID!) {
    deletePayment(id: $id) {
      id
      status
      version
      balanceDueCents
    }
  }
`);
