import { Plan, Profile } from '@comptoir/schema';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDecimal } from '../../core/scalars';
import { Auth, PROFILES } from '../../core/auth/policy';
import { SeatOrderStatus } from './seat-order.entity';

registerEnumType(SeatOrderStatus, { name: 'SeatOrderStatus', description: 'PENDING_PAYMENT → PAID (seats usable) or CANCELLED' });

/*
 * The shapes below are shared by the dossier side (OWNER/ADV, *Paramètres*) and the
 * support team's admin API. Each has an abstract base with the fields, and one
 * concrete GraphQL type per audience, so that each carries exactly one policy.
 */

/** Declares the SeatUsage fields as GraphQL type `name` with `policy`. */
export function seatUsageFields(name: string, policy: ClassDecorator, description?: string) {
  @ObjectType(name, { description })
  class Fields {
    @Field(() => Plan)
    plan: Plan;

    @Field(() => Int, { description: 'Logins included in the plan' })
    includedSeats: number;

    @Field(() => Int, { description: 'Extra logins paid for (not usable on SOLO)' })
    extraSeats: number;

    @Field(() => Int, { description: 'Logins allowed, accountants aside' })
    totalSeats: number;

    @Field(() => Int, { description: 'Members that take a seat (every profile but ACCOUNTANT)' })
    seatsUsed: number;

    @Field(() => Int)
    seatsAvailable: number;

    @Field({ description: 'TPE_PLUS: the accountant may be given access, without taking a seat' })
    accountantAccess: boolean;

    @Field(() => Int, { description: 'ACCOUNTANT members' })
    accountants: number;
  }
  policy(Fields);
  return Fields;
}

export const SeatUsageType = seatUsageFields('SeatUsage', Auth(...PROFILES.management), 'Seats of the session’s dossier (accès utilisateurs)');
export type SeatUsageType = InstanceType<typeof SeatUsageType>;

/** Declares the SeatOrder fields as GraphQL type `name` with `policy`. */
export function seatOrderFields(name: string, policy: ClassDecorator, description?: string) {
  @ObjectType(name, { description })
  class Fields {
    @Field(() => ID)
    id: string;

    @Field(() => ID)
    dossierId: string;

    @Field(() => Int)
    quantity: number;

    @Field(() => Int, { description: 'Price of one seat per month excl. VAT, in cents (900 = 9,00 € HT)' })
    unitPriceCents: number;

    @Field(() => Int, { description: 'quantity × unit price: monthly amount excl. VAT, in cents' })
    totalCents: number;

    @Field(() => Int, { description: 'Amount to pay, VAT (20 %) included, in cents' })
    totalInclVatCents: number;

    @Field(() => SeatOrderStatus)
    status: SeatOrderStatus;

    @Field({ description: 'Payment provider code (BANK_TRANSFER)' })
    provider: string;

    @Field({ description: 'Reference to quote with the payment' })
    paymentReference: string;

    @Field({ description: 'What to do to pay (IBAN, amount, reference), in French' })
    paymentInstructions: string;

    @Field()
    createdAt: Date;

    @Field(() => String, { nullable: true })
    orderedByName: string | null;

    @Field(() => Date, { nullable: true })
    paidAt: Date | null;

    @Field(() => String, { nullable: true, description: 'Support member who marked the payment received' })
    markedPaidByName: string | null;

    @Field(() => String, { nullable: true, description: 'Reference of the payment as received' })
    receivedReference: string | null;

    @Field(() => Date, { nullable: true })
    cancelledAt: Date | null;
  }
  policy(Fields);
  return Fields;
}

export const SeatOrderType = seatOrderFields('SeatOrder', Auth(...PROFILES.management), 'An order of extra logins (Mon abonnement)');
export type SeatOrderType = InstanceType<typeof SeatOrderType>;

/** Declares the Member fields as GraphQL type `name` with `policy`. */
export function memberFields(name: string, policy: ClassDecorator, description?: string) {
  @ObjectType(name, { description })
  class Fields {
    @Field(() => ID, { description: 'The user’s id' })
    userId: string;

    @Field()
    name: string;

    @Field()
    email: string;

    @Field(() => String, { nullable: true })
    phone: string | null;

    @Field(() => Profile)
    profile: Profile;

    @Field({ description: 'The principal user (utilisateur principal): the sign-up login, never removed' })
    isPrincipal: boolean;

    @Field({ description: 'Member since' })
    since: Date;

    @Field({ description: 'False until an invited user has set a password' })
    active: boolean;
  }
  policy(Fields);
  return Fields;
}

export const DossierMemberType = memberFields('DossierMember', Auth(...PROFILES.management), 'A user of the session’s dossier and their profile');
export type DossierMemberType = InstanceType<typeof DossierMemberType>;

@ObjectType('DossierUsers', { description: 'Paramètres / Utilisateurs: read-only; changes go through the support team' })
@Auth(...PROFILES.management)
export class DossierUsersType {
  @Field(() => [DossierMemberType])
  members: DossierMemberType[];

  @Field(() => SeatUsageType)
  seats: SeatUsageType;
}

@ObjectType('DossierSubscription', { description: 'Paramètres / Mon abonnement' })
@Auth(...PROFILES.management)
export class DossierSubscriptionType extends SeatUsageType {
  @Field({ description: 'Whether extra seats can be ordered on this plan (not on SOLO)' })
  canOrderSeats: boolean;

  @Field(() => Int, { description: 'Current price of one extra seat per month excl. VAT, in cents' })
  seatUnitPriceCents: number;

  @Field(() => [SeatOrderType], { description: 'Seat orders, newest first' })
  orders: SeatOrderType[];
}

@ObjectType('DossierSettings', { description: 'Paramètres / Dossier: legal identity and invoicing settings' })
@Auth(...PROFILES.management)
export class DossierSettingsType {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Pass back to updateDossierSettings; a stale one is refused with CONFLICT' })
  version: number;

  @Field({ description: 'Legal name (raison sociale)' })
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
  country: string;

  @Field()
  quotePrefix: string;

  @Field()
  invoicePrefix: string;

  @Field()
  creditNotePrefix: string;

  @Field()
  priceRequestPrefix: string;

  @Field()
  supplierOrderPrefix: string;

  @Field(() => GraphQLDecimal, { description: 'One of 20, 10, 5.5, 2.1, 0' })
  defaultVatRate: string;

  @Field(() => Int)
  paymentTermsDays: number;

  @Field()
  legalMentions: string;
}

@InputType('DossierSettingsInput')
export class DossierSettingsInput {
  @Field(() => Int, { description: 'The version read; CONFLICT when another edit came first' })
  version: number;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: '14 digits (spaces ignored), checked with the Luhn key' })
  siret?: string | null;

  @Field(() => String, { nullable: true })
  vatNumber?: string | null;

  @Field(() => String, { nullable: true })
  addressLine?: string | null;

  @Field(() => String, { nullable: true })
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'Two-letter ISO code, FR by default' })
  country?: string | null;

  @Field({ description: '1 to 6 uppercase letters or digits' })
  quotePrefix: string;

  @Field()
  invoicePrefix: string;

  @Field()
  creditNotePrefix: string;

  @Field()
  priceRequestPrefix: string;

  @Field()
  supplierOrderPrefix: string;

  @Field(() => GraphQLDecimal, { description: 'One of 20, 10, 5.5, 2.1, 0' })
  defaultVatRate: string;

  @Field(() => Int, { description: '0 to 120 days' })
  paymentTermsDays: number;

  @Field({ description: 'At most 2000 characters' })
  legalMentions: string;
}
