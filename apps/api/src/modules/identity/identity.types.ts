import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Plan, PlatformRole, Profile } from '@comptoir/schema';
import { Access, Allow } from '../../core/auth/policy';

// The types below are returned by PUBLIC mutations (login, signUp, acceptInvitation)
// as well as by `me`: the root operations decide who gets them, so the types
// themselves are readable by whoever received them.

@ObjectType('CurrentUser', { description: 'The logged-in user' })
@Allow(Access.PUBLIC)
export class CurrentUserType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Login e-mail (lower-cased)' })
  email: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => PlatformRole, { nullable: true, description: 'SUPPORT for the support team, null otherwise' })
  platformRole: PlatformRole | null;
}

@ObjectType('CurrentDossier', { description: 'The dossier the session is bound to' })
@Allow(Access.PUBLIC)
export class CurrentDossierType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Plan)
  plan: Plan;
}

@ObjectType('DossierChoice', { description: 'One of the user’s dossiers, for the picker' })
@Allow(Access.PUBLIC)
export class DossierChoiceType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Plan)
  plan: Plan;

  @Field(() => Profile)
  profile: Profile;

  @Field({ description: 'True when the user is this dossier’s principal user' })
  isPrincipal: boolean;
}

@ObjectType('Me', { description: 'Who is logged in, in which dossier, with which profile' })
@Allow(Access.PUBLIC)
export class MeType {
  @Field(() => CurrentUserType)
  user: CurrentUserType;

  @Field(() => CurrentDossierType, { nullable: true, description: 'Null while the session is not bound to a dossier' })
  dossier: CurrentDossierType | null;

  @Field(() => Profile, { nullable: true, description: 'The profile in the current dossier' })
  profile: Profile | null;

  @Field({ description: 'True when the user is the current dossier’s principal user' })
  isPrincipal: boolean;

  @Field(() => [DossierChoiceType], { description: 'Every dossier of the user with their profile, by name' })
  dossiers: DossierChoiceType[];

  @Field({ description: 'True when the session is unbound and the user has dossiers: show the picker, then selectDossier' })
  needsDossierSelection: boolean;
}

@ObjectType('UserSession', { description: 'One of the user’s open sessions (Mon compte)' })
@Allow(Access.USER)
export class UserSessionType {
  @Field(() => ID)
  id: string;

  @Field()
  createdAt: Date;

  @Field()
  lastSeenAt: Date;

  @Field({ description: 'Absolute expiry' })
  expiresAt: Date;

  @Field(() => String, { nullable: true })
  ip: string | null;

  @Field(() => String, { nullable: true })
  userAgent: string | null;

  @Field({ description: 'True for the session making this request' })
  current: boolean;
}

@ObjectType('InvitationPreview', { description: 'What the invitation page shows before the password is chosen' })
@Allow(Access.PUBLIC)
export class InvitationPreviewType {
  @Field({ description: 'The login e-mail of the invited user' })
  email: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  dossierName: string | null;
}

@InputType('SignUpInput')
export class SignUpInput {
  @Field({ description: 'Login e-mail (trimmed, case-insensitive). An existing one needs its current password.' })
  email: string;

  @Field({ description: 'At least 10 characters (for an existing e-mail: its current password)' })
  password: string;

  @Field({ description: 'Your name (ignored for an existing e-mail)' })
  name: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field({ description: 'Legal name of the company (raison sociale)' })
  dossierName: string;

  @Field(() => String, { nullable: true, description: '14 digits' })
  siret?: string | null;

  @Field(() => Plan)
  plan: Plan;
}
