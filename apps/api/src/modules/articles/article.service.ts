import type { RequestContext } from '../../core/context';
import { badInput } from '../../core/errors';
import { decodeCursor, encodeCursor, pageSize, type Page } from '../../core/pagination';
import { clock } from '../../core/clock';
import { HistoryEntityType, HistoryEntryType } from '../history/history-entry.entity';
import { recordHistory } from '../history/history.service';
import { optionalText, requiredText } from '../../core/input-validation';
import { changedFields, loadExpected, updateVersioned, type Shown } from '../history/tracked';
import { ArticleKind, divRoundHalfUp, formatScaled, MAX_UNIT_PRICE_CENTS } from '@comptoir/schema';
import { percentOf, vatRate } from '../../core/money';
import { Article } from './article.entity';
import type { ArticleInput, ArticleListArgs } from './article.types';

const LABEL = 'Article';
const FIELDS = ['reference', 'label', 'unit', 'salePriceCents', 'purchasePriceCents', 'vatRate', 'active', 'kind'] as const;

type ArticleValues = Pick<Article, 'reference' | 'label' | 'unit' | 'salePriceCents' | 'purchasePriceCents' | 'vatRateBp' | 'active'> & { kind: Article['kind'] | null };

function price(value: number | null | undefined, field: string, required: boolean): number | null {
  if (value === null || value === undefined) {
    if (required) throw badInput('REQUIRED', `${field} is required`, field);
    return null;
  }
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_UNIT_PRICE_CENTS) {
    throw badInput('OUT_OF_RANGE', `${field} must be a whole number of cents between 0 and ${MAX_UNIT_PRICE_CENTS}`, field, { max: MAX_UNIT_PRICE_CENTS });
  }
  return value;
}

export function validateArticleInput(input: ArticleInput): ArticleValues {
  return {
    reference: requiredText(input.reference, 'input.reference', 40),
    label: requiredText(input.label, 'input.label', 200),
    unit: optionalText(input.unit, 'input.unit', 20) ?? 'u',
    salePriceCents: price(input.salePriceCents, 'input.salePriceCents', true) as number,
    purchasePriceCents: price(input.purchasePriceCents, 'input.purchasePriceCents', false),
    vatRateBp: vatRate(input.vatRate, 'input.vatRate'),
    active: input.active ?? true,
    kind: input.kind ?? null,
  };
}

function display(values: ArticleValues): Record<string, Shown> {
  return {
    ...values,
    salePriceCents: values.salePriceCents,
    purchasePriceCents: values.purchasePriceCents,
    vatRate: formatScaled(values.vatRateBp, 2),
  };
}

async function assertReferenceFree(ctx: RequestContext, reference: string, exceptId?: string): Promise<void> {
  const existing = await ctx.scoped(Article, LABEL).findOneBy({ reference });
  if (existing && existing.id !== exceptId) {
    throw badInput('DUPLICATE_REFERENCE', `An article with reference ${reference} already exists`, 'input.reference');
  }
}

export async function createArticle(ctx: RequestContext, input: ArticleInput): Promise<Article> {
  const values = validateArticleInput(input);
  return ctx.transaction(async (tx) => {
    await assertReferenceFree(tx, values.reference);
    const now = clock.now();
    const repo = tx.scoped(Article, LABEL);
    const article = repo.create({ ...values, kind: values.kind ?? ArticleKind.SERVICES, version: 1, createdById: tx.userId, updatedById: tx.userId, createdAt: now, updatedAt: now });
    await repo.insert(article);
    await recordHistory(tx, {
      entityType: HistoryEntityType.ARTICLE,
      entityId: article.id,
      type: HistoryEntryType.CREATED,
      data: { label: `${article.reference} ${article.label}` },
    });
    return article;
  });
}

export async function updateArticle(ctx: RequestContext, id: string, version: number, input: ArticleInput): Promise<Article> {
  const asked = validateArticleInput(input);
  return ctx.transaction(async (tx) => {
    const article = await loadExpected(tx, tx.scoped(Article, LABEL), LABEL, id, version);
    const values = { ...asked, kind: asked.kind ?? article.kind };
    if (values.reference !== article.reference) await assertReferenceFree(tx, values.reference, article.id);
    const changes = changedFields(FIELDS, display(article), display(values));
    if (changes.length === 0) return article;
    await updateVersioned(tx, Article, LABEL, article, version, values);
    await recordHistory(tx, { entityType: HistoryEntityType.ARTICLE, entityId: article.id, type: HistoryEntryType.UPDATED, data: { changes } });
    return article;
  });
}

export function getArticle(ctx: RequestContext, id: string): Promise<Article> {
  return ctx.scoped(Article, LABEL).get(id);
}

export async function listArticles(ctx: RequestContext, args: ArticleListArgs): Promise<Page<Article>> {
  const size = pageSize(args);
  const after = decodeCursor(args.after, 2);
  const q = ctx.scoped(Article, LABEL).query('a');
  const search = optionalText(args.search, 'search', 100);
  if (search) {
    const like = `%${search.replace(/[!%_]/g, (c) => `!${c}`)}%`;
    q.andWhere("(a.reference LIKE :like ESCAPE '!' OR a.label LIKE :like ESCAPE '!')", { like });
  }
  if (args.activeOnly) q.andWhere('a.active = :active', { active: true });
  const totalCount = await q.getCount();
  if (after) {
    q.andWhere('(a.reference > :afterRef OR (a.reference = :afterRef AND a.id > :afterId))', {
      afterRef: String(after[0]),
      afterId: String(after[1]),
    });
  }
  const rows = await q.orderBy('a.reference', 'ASC').addOrderBy('a.id', 'ASC').take(size + 1).getMany();
  const nodes = rows.slice(0, size);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor([last.reference, last.id]) : null },
  };
}

export function marginCents(article: Article): number | null {
  return article.purchasePriceCents === null ? null : article.salePriceCents - article.purchasePriceCents;
}

/** Taux de marge in percent, 2 decimals, half-up, computed on integers. */
export function marginRate(article: Article): string | null {
  const margin = marginCents(article);
  if (margin === null || !article.purchasePriceCents) return null;
  const hundredths = divRoundHalfUp(BigInt(margin) * 10_000n, BigInt(article.purchasePriceCents));
  return formatScaled(hundredths, 2);
}

export { percentOf };
