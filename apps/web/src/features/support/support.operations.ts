import { graphql } from '../../gql';

export const SupportRequestsQuery = graphql(`
  query SupportRequests {
    supportRequests(first: 100) {
      id
      kind
      status
      summary
      requestedByName
      createdAt
      lastMessageAt
      lastMessage {
        text
      }
    }
  }
`);

export const SupportRequestQuery = graphql(`
  query SupportRequest($id: ID!) {
    supportRequest(id: $id) {
      id
      kind
      status
      summary
      requestedByName
      assignedToName
      createdAt
      onHold
      rejectionReason
      messages {
        id
        side
        authorName
        text
        createdAt
      }
      history {
        id
        type
        createdAt
        fromStatus
        toStatus
        label
        user {
          name
        }
      }
    }
  }
`);

export const CreateSupportRequestMutation = graphql(`
  mutation CreateSupportRequest($input: SupportRequestInput!) {
    createSupportRequest(input: $input) {
      id
      status
    }
  }
`);

export const PostSupportMessageMutation = graphql(`
  mutation PostSupportMessage($id: ID!, $text: String!) {
    postSupportMessage(requestId: $id, text: $text) {
      id
      messages {
        id
        side
        authorName
        text
        createdAt
      }
    }
  }
`);

export const SupportMembersQuery = graphql(`
  query SupportMembers {
    dossierUsers {
      members {
        userId
        name
        email
        profile
        isPrincipal
      }
    }
  }
`);
