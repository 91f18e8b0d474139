import { GraphQLSafeInt } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArticleKind } from '@comptoir/schema';
import { GraphQLDecimal } from '../../core/scalars';
import { Auth, PROFILES } from '../../core/auth/policy';
import { PageArgs, PageInfo } from '../../core/pagination';
import { UserSummary } from '../identity/user-summary.type';
import { HistoryEntryView } from '../history/history.types';

registerEnumType(ArticleKind, { name: 'ArticleKind', description: 'Goods (revenue account 707) or services (706)' });

@ObjectType('Article', { description: 'A product or service (prices excl. VAT, in cents)' })
@Auth(...PROFILES.articlesRead)
export class ArticleType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field({ description: 'Unique in the dossier' })
  reference: string;

  @Field()
  label: string;

  @Field({ description: 'Unit, e.g. u, h, kg, m²' })
  unit: string;

  @Field(() => GraphQLSafeInt, { description: 'Sale price excl. VAT, cents' })
  salePriceCents: number;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Purchase price excl. VAT, cents (not for COMMERCIAL)' })
  @Auth(...PROFILES.purchases)
  purchasePriceCents: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Sale − purchase price, cents (not for COMMERCIAL)' })
  @Auth(...PROFILES.purchases)
  marginCents: number | null;

  @Field(() => GraphQLDecimal, {
    nullable: true,
    description: 'Taux de marge: margin ÷ purchase price × 100, rounded half-up to 2 decimals (not for COMMERCIAL)',
  })
  @Auth(...PROFILES.purchases)
  marginRate: string | null;

  @Field(() => GraphQLDecimal, { description: 'VAT rate in percent: 20, 10, 5.5, 2.1 or 0' })
  vatRate: string;

  @Field()
  active: boolean;

  @Field(() => ArticleKind)
  kind: ArticleKind;

  @Field()
  createdAt: Date;

  @Field(() => UserSummary, { nullable: true })
  createdBy: UserSummary | null;

  @Field()
  updatedAt: Date;

  @Field(() => UserSummary, { nullable: true })
  updatedBy: UserSummary | null;

  @Field(() => [HistoryEntryView])
  history: HistoryEntryView[];
}

@ObjectType('ArticleConnection')
@Auth(...PROFILES.articlesRead)
export class ArticleConnection {
  @Field(() => [ArticleType])
  nodes: ArticleType[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

/** Limits: reference 40, label 200, unit 20; prices 0..1,000,000,000 cents. */
@InputType('ArticleInput')
export class ArticleInput {
  @Field()
  reference: string;

  @Field()
  label: string;

  @Field(() => String, { nullable: true, description: '"u" when omitted' })
  unit?: string | null;

  @Field(() => GraphQLSafeInt)
  salePriceCents: number;

  @Field(() => GraphQLSafeInt, { nullable: true })
  purchasePriceCents?: number | null;

  @Field(() => GraphQLDecimal, { description: '20, 10, 5.5, 2.1 or 0' })
  vatRate: string;

  @Field(() => Boolean, { nullable: true, description: 'true when omitted' })
  active?: boolean | null;

  @Field(() => ArticleKind, { nullable: true, description: 'SERVICES when omitted on creation; unchanged when omitted on update' })
  kind?: ArticleKind | null;
}

@ArgsType()
export class ArticleListArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Matches reference or label (contains, case-insensitive)' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only active articles when true' })
  activeOnly?: boolean | null;
}
