import { PaymentMethod } from '@comptoir/schema';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Auth, PROFILES } from '../../core/auth/policy';
import { GraphQLDateTime, GraphQLLocalDate } from '../../core/scalars';

registerEnumType(PaymentMethod, { name: 'PaymentMethod', description: 'Virement, chèque, carte, espèces, prélèvement' });

@ObjectType('Payment', { description: 'A payment received for an invoice' })
@Auth(...PROFILES.invoicingRead)
export class PaymentType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  invoiceId: string;

  @Field(() => GraphQLSafeInt, { description: 'Cents' })
  amountCents: number;

  @Field(() => GraphQLLocalDate)
  date: string;

  @Field(() => PaymentMethod)
  method: PaymentMethod;

  @Field(() => String, { nullable: true })
  reference: string | null;

  @Field(() => GraphQLDateTime)
  createdAt: Date;

  /** Resolved by `createdBy`. */
  createdById: string;
}

@InputType('PaymentInput')
export class PaymentInput {
  @Field(() => ID)
  invoiceId: string;

  @Field(() => GraphQLSafeInt, { description: 'Cents, > 0, at most the balance due' })
  amountCents: number;

  @Field(() => GraphQLLocalDate)
  date: string;

  @Field(() => PaymentMethod)
  method: PaymentMethod;

  @Field(() => String, { nullable: true })
  reference?: string | null;
}
