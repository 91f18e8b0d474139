import { graphql } from '../../gql';

export const CustomersQuery = graphql(`
  query CustomersList($first: Int!, $after: String, $search: String) {
    list: customers(first: $first, after: $after, search: $search) {
      nodes {
        id
        legalName
        siren
        city
        contactName
        paymentTermsDays
        paymentTerms
        billingEmail
        updatedAt
        updatedBy {
          id
          name
        }
      }
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SuppliersQuery = graphql(`
  query SuppliersList($first: Int!, $after: String, $search: String) {
    list: suppliers(first: $first, after: $after, search: $search) {
      nodes {
        id
        legalName
        siren
        city
        contactName
        paymentTermsDays
        paymentTerms
        billingEmail
        updatedAt
        updatedBy {
          id
          name
        }
      }
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CustomerQuery = graphql(`
  query CustomerPage($id: ID!) {
    party: customer(id: $id) {
      id
      version
      legalName
      siren
      siret
      vatNumber
      addressLine1
      addressLine2
      postalCode
      city
      country
      contactName
      contactEmail
      contactPhone
      paymentTermsDays
      paymentTerms
      billingEmail
      notes
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
  }
`);

export const SupplierQuery = graphql(`
  query SupplierPage($id: ID!) {
    party: supplier(id: $id) {
      id
      version
      legalName
      siren
      siret
      vatNumber
      addressLine1
      addressLine2
      postalCode
      city
      country
      contactName
      contactEmail
      contactPhone
      paymentTermsDays
      paymentTerms
      billingEmail
      notes
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
  }
`);

export const CreateCustomerMutation = graphql(`
  mutation CreateCustomer($input: CustomerInput!) {
    saved: createCustomer(input: $input) {
      id
    }
  }
`);
export const UpdateCustomerMutation = graphql(`
  mutation UpdateCustomer($id: ID!, $version: Int!, $input: CustomerInput!) {
    saved: updateCustomer(id: $id, version: $version, input: $input) {
      id
      version
    }
  }
`);
export const CreateSupplierMutation = graphql(`
  mutation CreateSupplier($input: SupplierInput!) {
    saved: createSupplier(input: $input) {
      id
    }
  }
`);
export const UpdateSupplierMutation = graphql(`
  mutation UpdateSupplier($id: ID!, $version: Int!, $input: SupplierInput!) {
    saved: updateSupplier(id: $id, version: $version, input: $input) {
      id
      version
    }
  }
`);

/** Party pickers of the document editor and list filters. */
export const CustomerOptionsQuery = graphql(`
  query CustomerOptions($search: String) {
    list: customers(first: 200, search: $search) {
      nodes {
        id
        legalName
        city
      }
      totalCount
    }
  }
`);
export const SupplierOptionsQuery = graphql(`
  query SupplierOptions($search: String) {
    list: suppliers(first: 200, search: $search) {
      nodes {
        id
        legalName
        city
      }
      totalCount
    }
  }
`);
