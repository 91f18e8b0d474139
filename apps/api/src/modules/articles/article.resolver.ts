import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLDecimal } from '../../core/scalars';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Auth, PROFILES } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import { UserSummary, userSummaryLoader } from '../identity/user-summary.type';
import { HistoryEntityType } from '../history/history-entry.entity';
import { HistoryEntryView, historyKey, historyLoader } from '../history/history.types';
import type { Article } from './article.entity';
import { createArticle, getArticle, listArticles, marginCents, marginRate, updateArticle, percentOf } from './article.service';
import { ArticleConnection, ArticleInput, ArticleListArgs, ArticleType } from './article.types';

@Resolver(() => ArticleType)
export class ArticleResolver {
  @Query(() => ArticleConnection, { description: 'Articles by reference' })
  @Auth(...PROFILES.articlesRead)
  articles(@Ctx() ctx: RequestContext, @Args() args: ArticleListArgs): Promise<ArticleConnection> {
    return listArticles(ctx, args) as Promise<unknown> as Promise<ArticleConnection>;
  }

  @Query(() => ArticleType)
  @Auth(...PROFILES.articlesRead)
  article(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Article> {
    return getArticle(ctx, id);
  }

  @Mutation(() => ArticleType)
  @Auth(...PROFILES.management)
  createArticle(@Ctx() ctx: RequestContext, @Arg('input', () => ArticleInput) input: ArticleInput): Promise<Article> {
    return createArticle(ctx, input);
  }

  @Mutation(() => ArticleType, { description: 'CONFLICT (extensions.currentVersion, updatedBy, updatedAt) when `version` is stale' })
  @Auth(...PROFILES.management)
  updateArticle(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => ArticleInput) input: ArticleInput,
  ): Promise<Article> {
    return updateArticle(ctx, id, version, input);
  }

  @FieldResolver(() => GraphQLDecimal)
  vatRate(@Root() article: Article): string {
    return percentOf(article.vatRateBp);
  }

  @FieldResolver(() => GraphQLSafeInt, { nullable: true })
  marginCents(@Root() article: Article): number | null {
    return marginCents(article);
  }

  @FieldResolver(() => GraphQLDecimal, { nullable: true })
  marginRate(@Root() article: Article): string | null {
    return marginRate(article);
  }

  @FieldResolver(() => UserSummary, { nullable: true })
  createdBy(@Root() article: Article, @Ctx() ctx: RequestContext) {
    return ctx.loader(userSummaryLoader).load(article.createdById);
  }

  @FieldResolver(() => UserSummary, { nullable: true })
  updatedBy(@Root() article: Article, @Ctx() ctx: RequestContext) {
    return ctx.loader(userSummaryLoader).load(article.updatedById);
  }

  @FieldResolver(() => [HistoryEntryView])
  history(@Root() article: Article, @Ctx() ctx: RequestContext) {
    return ctx.loader(historyLoader).load(historyKey(HistoryEntityType.ARTICLE, article.id));
  }
}
