import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { Auth, PROFILES } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import { complianceCheck, type ComplianceCheckView } from './compliance.service';

@ObjectType('ComplianceCheck', { description: 'One rule of the compliance self-check: ok, or its exact faults' })
@Auth(...PROFILES.accounting)
export class ComplianceCheckType {
  @Field({ description: 'NUMBERING, HISTORY_CHAIN, DOCUMENTS_HAVE_ENTRIES, ENTRIES_BALANCED, COLLECTED_PERIODS_CLOSED' })
  key: string;

  @Field({ description: 'French label' })
  label: string;

  @Field()
  ok: boolean;

  @Field(() => [String], { description: 'The faults found (at most 50), empty when ok' })
  faults: string[];
}

@Resolver()
export class ComplianceResolver {
  @Query(() => [ComplianceCheckType], { description: 'Numbering continuity, history chain, an entry per issued document, balanced entries, collected periods closed' })
  @Auth(...PROFILES.accounting)
  complianceCheck(@Ctx() ctx: RequestContext): Promise<ComplianceCheckView[]> {
    return complianceCheck(ctx);
  }
}
