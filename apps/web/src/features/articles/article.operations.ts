import { graphql } from '../../gql';

export const ArticlesQuery = graphql(`
  query ArticlesList($first: Int!, $after: String, $search: String, $activeOnly: Boolean, $withCosts: Boolean!) {
    list: articles(first: $first, after: $after, search: $search, activeOnly: $activeOnly) {
      nodes {
        id
        reference
        label
        unit
        salePriceCents
        purchasePriceCents @include(if: $withCosts)
        marginCents @include(if: $withCosts)
        marginRate @include(if: $withCosts)
        vatRate
        active
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

/**
 * Asks for the purchase price and margin whatever the profile: a COMMERCIAL
 * session gets FORBIDDEN on those fields only (errorPolicy 'all' keeps the rest).
 */
export const ArticleQuery = graphql(`
  query ArticlePage($id: ID!) {
    article(id: $id) {
      id
      version
      reference
      label
      unit
      salePriceCents
      purchasePriceCents
      marginCents
      marginRate
      vatRate
      active
      kind
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

export const CreateArticleMutation = graphql(`
  mutation CreateArticle($input: ArticleInput!) {
    saved: createArticle(input: $input) {
      id
    }
  }
`);
export const UpdateArticleMutation = graphql(`
  mutation UpdateArticle($id: ID!, $version: Int!, $input: ArticleInput!) {
    saved: updateArticle(id: $id, version: $version, input: $input) {
      id
      version
    }
  }
`);

/** The line editor's article picker: active articles matching the search, with what a line needs (the purchase price for purchase documents). */
export const ArticleOptionsQuery = graphql(`
  query ArticleOptions($search: String, $withCosts: Boolean!) {
    list: articles(first: 50, search: $search, activeOnly: true) {
      nodes {
        id
        reference
        label
        unit
        salePriceCents
        purchasePriceCents @include(if: $withCosts)
        vatRate
      }
      totalCount
    }
  }
`);
