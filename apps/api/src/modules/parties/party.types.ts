import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PaymentTerms } from '@comptoir/schema';

registerEnumType(PaymentTerms, { name: 'PaymentTerms', description: 'Named payment terms: the due date an invoice gets at issue' });
import { Auth, PROFILES } from '../../core/auth/policy';
import { PageArgs, PageInfo } from '../../core/pagination';
import { UserSummary } from '../identity/user-summary.type';
import { HistoryEntryView } from '../history/history.types';

/** Fields of customers and suppliers (tiers). */
@ObjectType()
abstract class PartyFields {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Optimistic-locking version: pass it back as `version` when updating' })
  version: number;

  @Field({ description: 'Raison sociale' })
  legalName: string;

  @Field(() => String, { nullable: true, description: '9 digits' })
  siren: string | null;

  @Field(() => String, { nullable: true, description: '14 digits' })
  siret: string | null;

  @Field(() => String, { nullable: true, description: 'Intra-community VAT number, e.g. FR12812345678' })
  vatNumber: string | null;

  @Field(() => String, { nullable: true })
  addressLine1: string | null;

  @Field(() => String, { nullable: true })
  addressLine2: string | null;

  @Field(() => String, { nullable: true })
  postalCode: string | null;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2, FR by default' })
  country: string;

  @Field(() => String, { nullable: true })
  contactName: string | null;

  @Field(() => String, { nullable: true })
  contactEmail: string | null;

  @Field(() => String, { nullable: true })
  contactPhone: string | null;

  @Field(() => Int, { description: 'Payment terms in days (0-365)' })
  paymentTermsDays: number;

  @Field(() => PaymentTerms, { nullable: true, description: 'Named terms; when null, paymentTermsDays after issue' })
  paymentTerms: PaymentTerms | null;

  @Field(() => String, { nullable: true, description: 'Where invoices are sent (the contact e-mail when null)' })
  billingEmail: string | null;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field()
  createdAt: Date;

  @Field(() => UserSummary, { nullable: true })
  createdBy: UserSummary | null;

  @Field({ description: 'Last modification' })
  updatedAt: Date;

  @Field(() => UserSummary, { nullable: true, description: 'Last modifier' })
  updatedBy: UserSummary | null;

  @Field(() => [HistoryEntryView], { description: 'Every action on this record, oldest first' })
  history: HistoryEntryView[];
}

@ObjectType('Customer', { description: 'Client' })
@Auth(...PROFILES.customersRead)
export class CustomerType extends PartyFields {}

@ObjectType('Supplier', { description: 'Fournisseur' })
@Auth(...PROFILES.purchases)
export class SupplierType extends PartyFields {}

@ObjectType('CustomerConnection')
@Auth(...PROFILES.customersRead)
export class CustomerConnection {
  @Field(() => [CustomerType])
  nodes: CustomerType[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Rows matching the filters, all pages together' })
  totalCount: number;
}

@ObjectType('SupplierConnection')
@Auth(...PROFILES.purchases)
export class SupplierConnection {
  @Field(() => [SupplierType])
  nodes: SupplierType[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Rows matching the filters, all pages together' })
  totalCount: number;
}

/** Limits: legalName 160, vatNumber 20, address lines 200, postalCode 10, city 100, contact 120/254/40, notes 2000. */
@InputType()
abstract class PartyInputFields {
  @Field()
  legalName: string;

  @Field(() => String, { nullable: true })
  siren?: string | null;

  @Field(() => String, { nullable: true })
  siret?: string | null;

  @Field(() => String, { nullable: true })
  vatNumber?: string | null;

  @Field(() => String, { nullable: true })
  addressLine1?: string | null;

  @Field(() => String, { nullable: true })
  addressLine2?: string | null;

  @Field(() => String, { nullable: true })
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; FR when omitted' })
  country?: string | null;

  @Field(() => String, { nullable: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  contactPhone?: string | null;

  @Field(() => Int, { nullable: true, description: '0-365; the dossier default (30) when omitted' })
  paymentTermsDays?: number | null;

  @Field(() => PaymentTerms, { nullable: true })
  paymentTerms?: PaymentTerms | null;

  @Field(() => String, { nullable: true })
  billingEmail?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType('CustomerInput')
export class CustomerInput extends PartyInputFields {}

@InputType('SupplierInput')
export class SupplierInput extends PartyInputFields {}

export type PartyInput = PartyInputFields;

@ArgsType()
export class PartyListArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Matches legal name, SIREN, city or contact (contains, case-insensitive)' })
  search?: string | null;
}
