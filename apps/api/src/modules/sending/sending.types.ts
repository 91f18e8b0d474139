import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Auth, PROFILES } from '../../core/auth/policy';

@ObjectType('EmailDraft', { description: 'What the sending form proposes: recipients and the dossier’s templates filled in' })
@Auth(...PROFILES.all)
export class EmailDraftType {
  @Field(() => [String])
  to: string[];

  @Field()
  subject: string;

  @Field()
  body: string;
}

@InputType('EmailDocumentInput')
export class EmailDocumentInput {
  @Field(() => ID)
  documentId: string;

  @Field(() => [String], { nullable: true, description: 'At most 5; the customer’s billing (else contact) e-mail when omitted' })
  to?: string[] | null;

  @Field(() => String, { nullable: true, description: 'The template’s subject when omitted' })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: 'The template’s message when omitted' })
  message?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Issue a draft invoice or credit note first (confirmed by the user)' })
  issue?: boolean | null;
}

@InputType('ReminderInput')
export class ReminderInput {
  @Field(() => ID)
  invoiceId: string;

  @Field(() => Int, { description: '1, 2 or 3 (mise en demeure)' })
  level: number;

  @Field(() => [String], { nullable: true })
  to?: string[] | null;

  @Field(() => String, { nullable: true })
  subject?: string | null;

  @Field(() => String, { nullable: true })
  message?: string | null;
}
