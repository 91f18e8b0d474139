import { Plan, Profile, SupportMessageSide, SupportRequestKind, SupportRequestStatus } from '@comptoir/schema';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Access, Allow, Auth, PROFILES } from '../../core/auth/policy';
import { AdminDossierType } from '../admin/admin.types';
import { HistoryEntryView } from '../history/history.types';
import { UserSummary } from '../identity/user-summary.type';

registerEnumType(SupportRequestKind, { name: 'SupportRequestKind', description: 'What a support request asks for' });
registerEnumType(SupportRequestStatus, { name: 'SupportRequestStatus', description: 'OPEN → IN_PROGRESS → DONE or REJECTED' });
registerEnumType(SupportMessageSide, { name: 'SupportMessageSide', description: 'Who wrote a message: the dossier (REQUESTER) or SUPPORT' });

/*
 * A request has two audiences: the dossier's members (their own requests, or all of
 * them for OWNER/ADV) and the support team (/admin). As for seats, each shape has
 * one GraphQL type per audience, so that each carries exactly one policy.
 */

function payloadFields(name: string, policy: ClassDecorator) {
  @ObjectType(name, { description: 'The typed payload of a request; only the fields of its kind are set' })
  class Fields {
    @Field(() => ID, { nullable: true, description: 'CHANGE_LOGIN_EMAIL, CHANGE_PROFILE, REMOVE_USER: the member' })
    memberId: string | null;

    @Field(() => String, { nullable: true, description: 'The member’s name when the request was sent' })
    memberName: string | null;

    @Field(() => String, { nullable: true, description: 'The member’s login e-mail when the request was sent' })
    memberEmail: string | null;

    @Field(() => Profile, { nullable: true, description: 'The member’s profile when the request was sent' })
    memberProfile: Profile | null;

    @Field(() => String, { nullable: true, description: 'CHANGE_LOGIN_EMAIL: the new address' })
    newEmail: string | null;

    @Field(() => String, { nullable: true, description: 'ADD_USER, ACCOUNTANT_ACCESS: the new user’s name' })
    name: string | null;

    @Field(() => String, { nullable: true, description: 'ADD_USER, ACCOUNTANT_ACCESS: the new user’s e-mail' })
    email: string | null;

    @Field(() => String, { nullable: true })
    phone: string | null;

    @Field(() => Profile, { nullable: true, description: 'ADD_USER, CHANGE_PROFILE: the profile asked for' })
    profile: Profile | null;

    @Field(() => String, { nullable: true, description: 'ACCOUNTANT_ACCESS: the accounting firm' })
    firmName: string | null;

    @Field(() => String, { nullable: true, description: 'OTHER' })
    subject: string | null;

    @Field(() => String, { nullable: true, description: 'OTHER' })
    text: string | null;
  }
  policy(Fields);
  return Fields;
}

function messageFields(name: string, policy: ClassDecorator) {
  @ObjectType(name, { description: 'One message of a request’s thread (plain text)' })
  class Fields {
    @Field(() => ID)
    id: string;

    @Field(() => SupportMessageSide)
    side: SupportMessageSide;

    @Field({ description: 'Who wrote it (for support messages as the dossier sees them: the agent’s name)' })
    authorName: string;

    @Field()
    text: string;

    @Field()
    createdAt: Date;
  }
  policy(Fields);
  return Fields;
}

export const SupportPayloadType = payloadFields('SupportPayload', Auth(...PROFILES.all));
export type SupportPayloadType = InstanceType<typeof SupportPayloadType>;
export const AdminSupportPayloadType = payloadFields('AdminSupportPayload', Allow(Access.SUPPORT));
export const SupportMessageType = messageFields('SupportMessage', Auth(...PROFILES.all));
export type SupportMessageType = InstanceType<typeof SupportMessageType>;
export const AdminSupportMessageType = messageFields('AdminSupportMessage', Allow(Access.SUPPORT));

/** Fields both audiences read. */
export interface SupportRequestView {
  id: string;
  dossierId: string;
  kind: SupportRequestKind;
  status: SupportRequestStatus;
  payload: SupportPayloadType;
  summary: string;
  requestedById: string;
  requestedByName: string;
  assignedToName: string | null;
  createdAt: Date;
  updatedAt: Date;
  lastMessageAt: Date;
  closedAt: Date | null;
  rejectionReason: string | null;
  onHold: boolean;
  heldBySeatOrderId: string | null;
  failureMessage: string | null;
  failureReason: string | null;
  failedAt: Date | null;
  messages: SupportMessageType[];
}

/** The fields both audiences read, on an abstract base; each concrete type carries its own policy. */
function requestFields(name: string, policy: ClassDecorator, payload: abstract new () => unknown, message: abstract new () => unknown) {
  @ObjectType(name, { description: 'Fields of a support request shared by its two audiences' })
  class Fields {
    @Field(() => ID)
    id: string;

    @Field(() => SupportRequestKind)
    kind: SupportRequestKind;

    @Field(() => SupportRequestStatus)
    status: SupportRequestStatus;

    @Field(() => payload)
    payload: SupportPayloadType;

    @Field({ description: 'One line saying what is asked (French)' })
    summary: string;

    @Field({ description: 'Who of the dossier sent it' })
    requestedByName: string;

    @Field(() => String, { nullable: true, description: '« Pris en charge par »: the support agent, once someone took it' })
    assignedToName: string | null;

    @Field()
    createdAt: Date;

    @Field()
    updatedAt: Date;

    @Field({ description: 'Time of the latest message (the request itself counts as the first)' })
    lastMessageAt: Date;

    @Field(() => Date, { nullable: true, description: 'When it became DONE or REJECTED' })
    closedAt: Date | null;

    @Field(() => String, { nullable: true, description: 'REJECTED: why' })
    rejectionReason: string | null;

    @Field({ description: 'ADD_USER sent while a seat order awaited payment: held until it is paid' })
    onHold: boolean;

    @Field(() => ID, { nullable: true, description: 'The seat order an ADD_USER request waits (or waited) for' })
    heldBySeatOrderId: string | null;

    @Field(() => String, { nullable: true, description: 'Why the last processing attempt failed (nothing was applied)' })
    failureMessage: string | null;

    @Field(() => String, { nullable: true, description: 'Stable code of that failure (EMAIL_TAKEN, NO_FREE_SEAT, PRINCIPAL_USER, …)' })
    failureReason: string | null;

    @Field(() => Date, { nullable: true })
    failedAt: Date | null;

    @Field(() => [message], { description: 'The thread, oldest first' })
    messages: SupportMessageType[];

    @Field(() => message, { nullable: true, description: 'The latest message' })
    lastMessage: SupportMessageType | null;
  }
  policy(Fields);
  return Fields;
}

@ObjectType('SupportRequest', { description: 'A support request, as the dossier sees it (*Support*)' })
@Auth(...PROFILES.all)
export class SupportRequestType extends requestFields('SupportRequestBase', Auth(...PROFILES.all), SupportPayloadType, SupportMessageType) {
  @Field(() => UserSummary, { description: 'Who of the dossier sent it' })
  requestedBy: UserSummary;

  @Field(() => [HistoryEntryView], { description: 'Who changed what on this request, when (hash-chained with the dossier’s history)' })
  history: HistoryEntryView[];

  /** Not exposed: for field resolvers. */
  requestedById: string;
  dossierId: string;
}

@ObjectType('AdminSupportEvent', { description: 'One entry of a request’s history, as support sees it' })
@Allow(Access.SUPPORT)
export class AdminSupportEventType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  sequence: number;

  @Field()
  type: string;

  @Field(() => String, { nullable: true })
  userName: string | null;

  @Field()
  createdAt: Date;

  @Field(() => String, { nullable: true })
  fromStatus: string | null;

  @Field(() => String, { nullable: true })
  toStatus: string | null;

  @Field(() => String, { nullable: true, description: 'Agent’s name, rejection reason or failure' })
  label: string | null;

  @Field(() => [String], { description: 'What was applied, as `field: before → after`' })
  changes: string[];
}

@ObjectType('AdminSupportRequest', { description: 'A support request in the /admin queue' })
@Allow(Access.SUPPORT)
export class AdminSupportRequestType extends requestFields('AdminSupportRequestBase', Allow(Access.SUPPORT), AdminSupportPayloadType, AdminSupportMessageType) {
  @Field(() => ID)
  dossierId: string;

  @Field()
  dossierName: string;

  @Field(() => Plan)
  plan: Plan;

  @Field()
  requestedByEmail: string;

  @Field(() => ID, { nullable: true })
  assignedToId: string | null;

  @Field(() => AdminDossierType, { description: 'The dossier’s context: members, seats, plan, seat orders' })
  dossier: AdminDossierType;

  @Field(() => [AdminSupportEventType], { description: 'The request’s history, oldest first' })
  history: AdminSupportEventType[];

  requestedById: string;
}

@ObjectType('AdminSupportQueue', { description: 'Requests matching the filters, oldest first' })
@Allow(Access.SUPPORT)
export class AdminSupportQueueType {
  @Field(() => [AdminSupportRequestType])
  nodes: AdminSupportRequestType[];

  @Field(() => Int, { description: 'All matching requests (nodes stop at `first`)' })
  totalCount: number;
}

@ObjectType('AdminSupportCount', { description: 'How many requests have this status (kind, plan and age filters applied)' })
@Allow(Access.SUPPORT)
export class AdminSupportCountType {
  @Field(() => SupportRequestStatus)
  status: SupportRequestStatus;

  @Field(() => Int)
  count: number;
}

// ---------------------------------------------------------------- inputs

@InputType('SupportChangeLoginEmailInput')
export class ChangeLoginEmailInput {
  @Field(() => ID, { nullable: true })
  memberId?: string | null;

  @Field(() => String, { nullable: true })
  newEmail?: string | null;
}

@InputType('SupportAddUserInput')
export class AddUserPayloadInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => Profile, { nullable: true, description: 'ADV, COMMERCIAL or ACHAT' })
  profile?: Profile | null;
}

@InputType('SupportChangeProfileInput')
export class ChangeProfilePayloadInput {
  @Field(() => ID, { nullable: true })
  memberId?: string | null;

  @Field(() => Profile, { nullable: true, description: 'ADV, COMMERCIAL or ACHAT' })
  profile?: Profile | null;
}

@InputType('SupportRemoveUserInput')
export class RemoveUserPayloadInput {
  @Field(() => ID, { nullable: true })
  memberId?: string | null;
}

@InputType('SupportAccountantAccessInput')
export class AccountantAccessPayloadInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  firmName?: string | null;
}

@InputType('SupportOtherInput')
export class OtherPayloadInput {
  @Field(() => String, { nullable: true })
  subject?: string | null;

  @Field(() => String, { nullable: true })
  text?: string | null;
}

@InputType('SupportRequestInput', { description: 'The kind and, in the field named after it, its payload (only that one)' })
export class SupportRequestInput {
  @Field(() => SupportRequestKind)
  kind: SupportRequestKind;

  @Field(() => ChangeLoginEmailInput, { nullable: true })
  changeLoginEmail?: ChangeLoginEmailInput | null;

  @Field(() => AddUserPayloadInput, { nullable: true })
  addUser?: AddUserPayloadInput | null;

  @Field(() => ChangeProfilePayloadInput, { nullable: true })
  changeProfile?: ChangeProfilePayloadInput | null;

  @Field(() => RemoveUserPayloadInput, { nullable: true })
  removeUser?: RemoveUserPayloadInput | null;

  @Field(() => AccountantAccessPayloadInput, { nullable: true })
  accountantAccess?: AccountantAccessPayloadInput | null;

  @Field(() => OtherPayloadInput, { nullable: true })
  other?: OtherPayloadInput | null;

  @Field(() => String, { nullable: true, description: 'A first message to support (plain text)' })
  message?: string | null;
}

@InputType('AdminSupportFilter')
export class AdminSupportFilterInput {
  @Field(() => [SupportRequestStatus], { nullable: true, description: 'Default: OPEN and IN_PROGRESS' })
  statuses?: SupportRequestStatus[] | null;

  @Field(() => SupportRequestKind, { nullable: true })
  kind?: SupportRequestKind | null;

  @Field(() => Plan, { nullable: true })
  plan?: Plan | null;

  @Field(() => Int, { nullable: true, description: 'Only requests sent at least this many hours ago' })
  olderThanHours?: number | null;

  @Field(() => ID, { nullable: true })
  dossierId?: string | null;

  @Field({ nullable: true, description: 'Only requests taken in charge by the caller' })
  mine?: boolean;
}
