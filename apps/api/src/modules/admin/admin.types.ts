import { Plan, PlatformRole, Profile } from '@comptoir/schema';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Access, Allow } from '../../core/auth/policy';
import { PageInfo } from '../../core/pagination';
import { memberFields, seatOrderFields, seatUsageFields } from '../dossiers/dossier.types';
import { AdminActionKind } from './admin-action.entity';

registerEnumType(AdminActionKind, { name: 'AdminActionKind', description: 'What a support team member did' });

/* Everything here is the support team's (`/admin`): no dossier profile reaches it. */

export const AdminSeatUsageType = seatUsageFields('AdminSeatUsage', Allow(Access.SUPPORT), 'Seats of a dossier');
export type AdminSeatUsageType = InstanceType<typeof AdminSeatUsageType>;

export const AdminSeatOrderType = seatOrderFields('AdminSeatOrder', Allow(Access.SUPPORT), 'A seat order, as the support team sees it');
export type AdminSeatOrderType = InstanceType<typeof AdminSeatOrderType>;

export const AdminMemberType = memberFields('AdminMember', Allow(Access.SUPPORT), 'A member of a dossier, as the support team sees it');
export type AdminMemberType = InstanceType<typeof AdminMemberType>;

@ObjectType('AdminDossierSummary', { description: 'A dossier in search results' })
@Allow(Access.SUPPORT)
export class AdminDossierSummaryType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  siret: string | null;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field(() => Plan)
  plan: Plan;

  @Field(() => Int)
  members: number;

  @Field(() => String, { nullable: true, description: 'Login e-mail of the principal user' })
  principalEmail: string | null;

  @Field()
  createdAt: Date;
}

@ObjectType('AdminAction', { description: 'One action of the support team: who, when, what (before → after)' })
@Allow(Access.SUPPORT)
export class AdminActionType {
  @Field(() => ID)
  id: string;

  @Field()
  createdAt: Date;

  @Field(() => AdminActionKind)
  kind: AdminActionKind;

  @Field(() => ID)
  supportUserId: string;

  @Field(() => String, { nullable: true })
  supportUserName: string | null;

  @Field(() => String, { nullable: true })
  supportUserEmail: string | null;

  @Field(() => ID, { nullable: true })
  dossierId: string | null;

  @Field(() => String, { nullable: true })
  dossierName: string | null;

  @Field(() => ID, { nullable: true })
  targetUserId: string | null;

  @Field(() => String, { nullable: true })
  targetUserEmail: string | null;

  @Field(() => ID, { nullable: true, description: 'The support request this action carried out' })
  supportRequestId: string | null;

  @Field({ description: 'JSON: `before`, `after` and what else the action needs to be understood' })
  detail: string;
}

@ObjectType('AdminDossier', { description: 'A dossier’s page in /admin' })
@Allow(Access.SUPPORT)
export class AdminDossierType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  siret: string | null;

  @Field(() => String, { nullable: true })
  vatNumber: string | null;

  @Field(() => String, { nullable: true })
  addressLine: string | null;

  @Field(() => String, { nullable: true })
  postalCode: string | null;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Plan)
  plan: Plan;

  @Field(() => AdminSeatUsageType)
  seats: AdminSeatUsageType;

  @Field(() => [AdminMemberType])
  members: AdminMemberType[];

  @Field(() => [AdminSeatOrderType], { description: 'Newest first' })
  seatOrders: AdminSeatOrderType[];

  @Field(() => [AdminActionType], { description: 'The latest support actions on this dossier or its members' })
  recentActions: AdminActionType[];
}

@ObjectType('AdminUserMembership')
@Allow(Access.SUPPORT)
export class AdminUserMembershipType {
  @Field(() => ID)
  dossierId: string;

  @Field()
  dossierName: string;

  @Field(() => Profile)
  profile: Profile;

  @Field()
  isPrincipal: boolean;
}

@ObjectType('AdminUser', { description: 'A login, as the support team sees it' })
@Allow(Access.SUPPORT)
export class AdminUserType {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => PlatformRole, { nullable: true })
  platformRole: PlatformRole | null;

  @Field({ description: 'False until an invited user has set a password' })
  active: boolean;

  @Field()
  createdAt: Date;

  @Field(() => [AdminUserMembershipType])
  memberships: AdminUserMembershipType[];
}

@ObjectType('AdminOutboxMessage', { description: 'A message of the mail outbox' })
@Allow(Access.SUPPORT)
export class AdminOutboxMessageType {
  @Field(() => ID)
  id: string;

  @Field()
  createdAt: Date;

  @Field()
  to: string;

  @Field()
  subject: string;

  @Field()
  text: string;

  @Field({ description: '`sent`, `logged` (no SMTP configured) or `failed`' })
  status: string;

  @Field(() => String, { nullable: true })
  error: string | null;
}

@ObjectType('AdminOutboxConnection', { description: 'The mail outbox, newest first' })
@Allow(Access.SUPPORT)
export class AdminOutboxConnection {
  @Field(() => [AdminOutboxMessageType])
  nodes: AdminOutboxMessageType[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Messages in the outbox, all pages together' })
  totalCount: number;
}

@InputType('AdminAddUserInput')
export class AdminAddUserInput {
  @Field()
  email: string;

  @Field({ description: 'Used for a new user only; an existing user keeps their name' })
  name: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => Profile, { description: 'ADV, COMMERCIAL, ACHAT or ACCOUNTANT (TPE_PLUS only; takes no seat)' })
  profile: Profile;

  @Field(() => String, { nullable: true, description: 'ACCOUNTANT: the accounting firm’s name' })
  firmName?: string | null;
}
