import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { SearchSelect, useServerSearch } from '../../ui/search-select';
import { ArticleOptionsQuery } from '../articles/article.operations';
import { centsToInput, DEFAULT_VAT_EXEMPTION, VAT_EXEMPTIONS, formatRate, lineTotalCents, MAX_QUANTITY_MILLI, MAX_UNIT_PRICE_CENTS, parseUserDecimal, VAT_RATES, vatRateBp } from '@comptoir/schema';

const MAX_QUANTITY = BigInt(MAX_QUANTITY_MILLI);
const MAX_PRICE = BigInt(MAX_UNIT_PRICE_CENTS);

/** A line as typed: numbers stay text until saved, so nothing typed is reformatted under the user's fingers. */
export interface LineDraft {
  key: string;
  articleId: string | null;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discount: string;
  /** A wire decimal among VAT_RATES ("5.5"). */
  vatRate: string;
  sourceLineId: string | null;
  /** 0 % lines: why no VAT (VatExemption); the API takes 293 B when absent. */
  vatExemption?: string | null;
}

export interface ArticleOption {
  id: string;
  reference: string;
  label: string;
  unit: string;
  salePriceCents: number;
  /** Present for purchase documents (ArticleOptions with `withCosts`). */
  purchasePriceCents?: number | null;
  vatRate: string;
}

/**
 * The price a line takes from its article: the purchase price on purchase documents
 * (price requests, supplier orders), the sale price on sales documents.
 */
export function articleUnitPriceCents(article: ArticleOption, side: 'sales' | 'purchases'): number {
  return side === 'purchases' && article.purchasePriceCents !== undefined && article.purchasePriceCents !== null ? article.purchasePriceCents : article.salePriceCents;
}

export interface ParsedLine {
  quantityMilli: bigint;
  unitPriceCents: bigint;
  discountBp: bigint;
  vatRateBp: bigint;
}

export type LineErrors = Partial<Record<'quantity' | 'unitPrice' | 'discount' | 'description', true>>;

let counter = 0;
export function newLineKey(): string {
  counter += 1;
  return `line-${Date.now().toString(36)}-${counter}`;
}

export function emptyLine(defaultVat = '20'): LineDraft {
  return { key: newLineKey(), articleId: null, description: '', quantity: '1', unit: 'u', unitPrice: '', discount: '0', vatRate: defaultVat, sourceLineId: null };
}

/** The exact values of a typed line, and which fields are invalid. */
export function parseLine(line: LineDraft): { parsed: ParsedLine | null; errors: LineErrors } {
  const errors: LineErrors = {};
  const quantityMilli = parseUserDecimal(line.quantity, 3);
  if (quantityMilli === null || quantityMilli <= 0n || quantityMilli > MAX_QUANTITY) errors.quantity = true;
  const unitPriceCents = parseUserDecimal(line.unitPrice === '' ? '0' : line.unitPrice, 2);
  if (unitPriceCents === null || unitPriceCents > MAX_PRICE || unitPriceCents < -MAX_PRICE) errors.unitPrice = true;
  const discountBp = parseUserDecimal(line.discount === '' ? '0' : line.discount, 2);
  if (discountBp === null || discountBp < 0n || discountBp > 10_000n) errors.discount = true;
  if (line.description.trim() === '') errors.description = true;
  if (quantityMilli === null || unitPriceCents === null || discountBp === null || errors.quantity || errors.unitPrice || errors.discount) {
    return { parsed: null, errors };
  }
  return { parsed: { quantityMilli, unitPriceCents, discountBp, vatRateBp: BigInt(vatRateBp(line.vatRate) ?? 0) }, errors };
}

/**
 * The lines of a document, editable: article picker (fills description, unit,
 * price and VAT), description, quantity, unit, unit price HT, discount %, VAT rate,
 * and the line total computed exactly in the browser.
 */
export function LineEditor({
  lines,
  onChange,
  articleSide,
  readOnly,
  showErrors,
}: {
  lines: LineDraft[];
  onChange(lines: LineDraft[]): void;
  /** Which price an article brings; null hides the article column (read-only documents). */
  articleSide: 'sales' | 'purchases' | null;
  readOnly: boolean;
  showErrors: boolean;
}) {
  const { t, formatAmount } = useI18n();
  const update = (index: number, patch: Partial<LineDraft>) => onChange(lines.map((line, i) => (i === index ? { ...line, ...patch } : line)));
  const remove = (index: number) => onChange(lines.filter((_, i) => i !== index));
  const move = (index: number, delta: number) => {
    const next = [...lines];
    const [line] = next.splice(index, 1);
    next.splice(index + delta, 0, line);
    onChange(next);
  };
  const pickArticle = (index: number, article: ArticleOption | null) => {
    if (!article || !articleSide) return update(index, { articleId: null });
    update(index, {
      articleId: article.id,
      description: article.label,
      unit: article.unit,
      unitPrice: centsToInput(articleUnitPriceCents(article, articleSide)),
      vatRate: article.vatRate,
    });
  };

  if (lines.length === 0) return <p className="muted">{t('editor.noLines')}</p>;
  return (
    <div className="line-table-wrap">
      <table className="line-table" data-testid="lines">
        <thead>
          <tr>
            <th scope="col">#</th>
            {articleSide ? <th scope="col">{t('line.article')}</th> : null}
            <th scope="col">{t('line.description')}</th>
            <th scope="col">{t('line.quantity')}</th>
            <th scope="col">{t('line.unit')}</th>
            <th scope="col">{t('line.unitPrice')}</th>
            <th scope="col">{t('line.discount')}</th>
            <th scope="col">{t('line.vat')}</th>
            <th scope="col" className="num">
              {t('line.total')}
            </th>
            {readOnly ? null : (
              <th scope="col">
                <span className="visually-hidden">{t('table.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => {
            const n = index + 1;
            const { parsed, errors } = parseLine(line);
            const invalid = (field: keyof LineErrors) => (showErrors || field !== 'description') && errors[field] === true;
            const label = (key: Parameters<typeof t>[0]) => `${t(key)} (${t('line.number', { n })})`;
            return (
              <tr key={line.key} data-testid={`line-${n}`}>
                <th scope="row">{n}</th>
                {articleSide ? (
                  <td className="line-article">
                    <ArticlePicker side={articleSide} line={line} label={label('line.article')} disabled={readOnly} onPick={(article) => pickArticle(index, article)} />
                  </td>
                ) : null}
                <td>
                  <textarea
                    aria-label={label('line.description')}
                    value={line.description}
                    readOnly={readOnly}
                    rows={1}
                    maxLength={2000}
                    aria-invalid={invalid('description') || undefined}
                    onChange={(e) => update(index, { description: e.target.value })}
                  />
                </td>
                <DecimalCell
                  label={label('line.quantity')}
                  value={line.quantity}
                  readOnly={readOnly}
                  size={6}
                  invalidMessage={invalid('quantity') ? t('line.invalid.quantity') : undefined}
                  onChange={(value) => update(index, { quantity: value })}
                />
                <td>
                  <input aria-label={label('line.unit')} value={line.unit} readOnly={readOnly} size={4} maxLength={20} onChange={(e) => update(index, { unit: e.target.value })} />
                </td>
                <DecimalCell
                  label={label('line.unitPrice')}
                  value={line.unitPrice}
                  readOnly={readOnly}
                  size={10}
                  invalidMessage={invalid('unitPrice') ? t('line.invalid.price') : undefined}
                  onChange={(value) => update(index, { unitPrice: value })}
                />
                <DecimalCell
                  label={label('line.discount')}
                  value={line.discount}
                  readOnly={readOnly}
                  size={5}
                  invalidMessage={invalid('discount') ? t('line.invalid.discount') : undefined}
                  onChange={(value) => update(index, { discount: value })}
                />
                <td>
                  <select aria-label={label('line.vat')} value={String(line.vatRate)} disabled={readOnly} onChange={(e) => update(index, { vatRate: e.target.value })}>
                    {VAT_RATES.map((rate) => (
                      <option key={rate} value={String(rate)}>
                        {formatRate(rate)}
                      </option>
                    ))}
                  </select>
                  {Number(line.vatRate) === 0 ? (
                    <select
                      aria-label={label('line.vatExemption')}
                      value={line.vatExemption ?? DEFAULT_VAT_EXEMPTION}
                      disabled={readOnly}
                      onChange={(e) => update(index, { vatExemption: e.target.value })}
                      data-testid={`line-${n}-exemption`}
                    >
                      {Object.entries(VAT_EXEMPTIONS).map(([code, v]) => (
                        <option key={code} value={code}>
                          {v.label}
                        </option>
                      ))}
                    </select>
                  ) : null}
                </td>
                <td className="num" data-testid={`line-${n}-total`}>
                  {parsed ? formatAmount(lineTotalCents(parsed)) : '—'}
                </td>
                {readOnly ? null : (
                  <td className="line-buttons">
                    <button type="button" className="icon-button" aria-label={t('line.up', { n })} disabled={index === 0} onClick={() => move(index, -1)}>
                      ↑
                    </button>
                    <button type="button" className="icon-button" aria-label={t('line.down', { n })} disabled={index === lines.length - 1} onClick={() => move(index, 1)}>
                      ↓
                    </button>
                    <button type="button" className="icon-button danger" aria-label={t('line.remove', { n })} onClick={() => remove(index)}>
                      ✕
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {showErrors && lines.some((l) => Object.keys(parseLine(l).errors).length > 0) ? (
        <ul className="field-errors" role="alert">
          {lines.flatMap((line, index) => {
            const { errors } = parseLine(line);
            return (Object.keys(errors) as (keyof LineErrors)[]).map((field) => (
              <li key={`${line.key}-${field}`}>
                {t('line.number', { n: index + 1 })} · {t(field === 'unitPrice' ? 'line.invalid.price' : `line.invalid.${field}`)}
              </li>
            ));
          })}
        </ul>
      ) : null}
    </div>
  );
}

/** A right-aligned decimal input in a line cell, flagged with its message when invalid. */
function DecimalCell(props: { label: string; value: string; readOnly: boolean; size: number; invalidMessage?: string; onChange(value: string): void }) {
  return (
    <td>
      <input
        className="num"
        inputMode="decimal"
        aria-label={props.label}
        value={props.value}
        readOnly={props.readOnly}
        size={props.size}
        aria-invalid={props.invalidMessage ? true : undefined}
        title={props.invalidMessage}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </td>
  );
}

/**
 * A line's article, searched on the server (`articles(search:)`) once the list is
 * opened: a document with many lines does not run one query per line on load.
 */
function ArticlePicker({ side, line, label, disabled, onPick }: { side: 'sales' | 'purchases'; line: LineDraft; label: string; disabled: boolean; onPick(article: ArticleOption | null): void }) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  const selectedLabel = line.articleId ? line.description || t('line.article') : null;
  const search = useServerSearch(selectedLabel);
  const result = useQuery(ArticleOptionsQuery, { skip: !opened || disabled, variables: { search: search.term, withCosts: side === 'purchases' } });
  const articles: ArticleOption[] = result.data?.list.nodes ?? [];
  return (
    <SearchSelect
      ariaLabel={label}
      value={line.articleId}
      selectedLabel={selectedLabel}
      options={articles.map((a) => ({ value: a.id, label: `${a.reference} — ${a.label}` }))}
      loading={result.loading}
      search={search}
      disabled={disabled}
      placeholder={t('line.freeText')}
      nothingFound={t('editor.nothingFound')}
      onOpen={() => setOpened(true)}
      onChange={(id) => onPick(articles.find((a) => a.id === id) ?? null)}
    />
  );
}
