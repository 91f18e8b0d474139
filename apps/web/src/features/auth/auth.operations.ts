import { graphql } from '../../gql';

export const LoginMutation = graphql(`
  mutation AuthLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      needsDossierSelection
      dossier {
        id
      }
    }
  }
`);

export const SignUpMutation = graphql(`
  mutation AuthSignUp($input: SignUpInput!) {
    signUp(input: $input) {
      dossier {
        id
      }
    }
  }
`);

export const SelectDossierMutation = graphql(`
  mutation AuthSelectDossier($dossierId: ID!) {
    selectDossier(dossierId: $dossierId) {
      dossier {
        id
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation AuthLogout {
    logout
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation AuthRequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation AuthResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

export const InvitationPreviewQuery = graphql(`
  query AuthInvitationPreview($token: String!) {
    invitationPreview(token: $token) {
      email
      name
      dossierName
    }
  }
`);

export const AcceptInvitationMutation = graphql(`
  mutation AuthAcceptInvitation($token: String!, $password: String!) {
    acceptInvitation(token: $token, password: $password) {
      needsDossierSelection
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation AuthChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export const MySessionsQuery = graphql(`
  query AuthMySessions {
    mySessions {
      id
      createdAt
      lastSeenAt
      ip
      userAgent
      current
    }
  }
`);

export const RevokeSessionMutation = graphql(`
  mutation AuthRevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);
