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

export const DocumentSettingsQuery = graphql(`
  query DocumentSettings {
    documentSettings {
      version
      legalForm
      shareCapitalCents
      rcsCity
      rmNumber
      iban
      bic
      latePenaltyRate
      discountTerms
      mailSubject
      mailBody
      reminderSubjects
      reminderBodies
      logoDataUrl
    }
  }
`);

export const UpdateDocumentSettingsMutation = graphql(`
  mutation UpdateDocumentSettings($input: DocumentSettingsInput!) {
    updateDocumentSettings(input: $input) {
      version
    }
  }
`);

export const SetDossierLogoMutation = graphql(`
  mutation SetDossierLogo($version: Int!, $dataUrl: String) {
    setDossierLogo(version: $version, dataUrl: $dataUrl) {
      version
      logoDataUrl
    }
  }
`);
