import { graphql } from '../../gql';

export const EmailDraftQuery = graphql(`
  query DocumentEmailDraft($id: ID!, $level: Int) {
    document(id: $id) {
      id
      status
      daysLate
      remindersSent
      lastRemindedAt
      emailDraft(reminderLevel: $level) {
        to
        subject
        body
      }
    }
  }
`);

export const EmailDocumentMutation = graphql(`
  mutation EmailDocument($input: EmailDocumentInput!) {
    emailDocument(input: $input) {
      id
      status
      number
      version
    }
  }
`);

export const SendReminderMutation = graphql(`
  mutation SendReminder($input: ReminderInput!) {
    sendReminder(input: $input) {
      id
      remindersSent
      lastRemindedAt
    }
  }
`);
