import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n/i18n';
import type { ArticleInput } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/error-message';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { errorText, saveFailureNotice } from '../documents/document-errors';
import { useRecordTab } from '../history/use-record-tab';
import { allowed, PARTY_ACCESS } from '../documents/document-kinds';
import { centsToInput, formatRate, parseUserDecimal, VAT_RATES } from '@comptoir/schema';
import { Notice } from '../documents/ui-bits';
import { ActionTab } from '../history/action-tab';
import { ArticleQuery, CreateArticleMutation, UpdateArticleMutation } from './article.operations';
import '../documents/documents.css';

interface FormValues {
  reference: string;
  label: string;
  unit: string;
  salePrice: string;
  purchasePrice: string;
  vatRate: string;
  active: boolean;
}

const EMPTY: FormValues = { reference: '', label: '', unit: 'u', salePrice: '', purchasePrice: '', vatRate: '20', active: true };
const COST_FIELDS: ReadonlySet<string> = new Set(['purchasePriceCents', 'marginCents', 'marginRate']);

/**
 * An article: its record (create/edit for OWNER/ADV) and its ACTION tab. The
 * purchase price and margin are asked whatever the profile; for COMMERCIAL the
 * server answers FORBIDDEN on those fields only and errorPolicy 'all' keeps the rest.
 */
export default function ArticlePage() {
  const i18n = useI18n();
  const { t, formatAmount } = i18n;
  const { id } = useParams();
  const isNew = !id;
  const navigate = useNavigate();
  const client = useApolloClient();
  const { profile } = useSession();
  const money = (v: number | null | undefined) => (typeof v === 'number' ? formatAmount(v) : '—');
  const rate = (v: string | null | undefined) => (typeof v === 'string' ? formatRate(v) : '—');
  const [tab, selectTab] = useRecordTab();
  const { data, error, refetch } = useQuery(ArticleQuery, { variables: { id: id ?? '' }, skip: isNew, errorPolicy: 'all', fetchPolicy: 'cache-and-network' });
  const article = data?.article;
  const [values, setValues] = useState<FormValues | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'warning'; text: string } | null>(null);
  const writable = allowed(PARTY_ACCESS.articles.write, profile);
  const seesCosts = allowed(PARTY_ACCESS.articleCosts, profile);

  if (!isNew && !article) {
    if (error) return <ErrorMessage title={t('error.title')} message={errorText(i18n, error)} retryLabel={t('error.retry')} onRetry={() => void refetch()} />;
    return <Loading label={t('list.loading')} />;
  }

  const current: FormValues =
    values ??
    (article
      ? {
          reference: article.reference,
          label: article.label,
          unit: article.unit,
          salePrice: centsToInput(article.salePriceCents),
          purchasePrice: typeof article.purchasePriceCents === 'number' ? centsToInput(article.purchasePriceCents) : '',
          vatRate: article.vatRate,
          active: article.active,
        }
      : EMPTY);
  const set = (patch: Partial<FormValues>) => setValues({ ...current, ...patch });
  const salePrice = parseUserDecimal(current.salePrice || '0', 2);
  const purchasePrice = current.purchasePrice.trim() === '' ? null : parseUserDecimal(current.purchasePrice, 2);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (salePrice === null || salePrice < 0n || (current.purchasePrice.trim() !== '' && (purchasePrice === null || purchasePrice < 0n))) {
      setMessage({ tone: 'warning', text: t('form.invalidAmount') });
      return;
    }
    const input: ArticleInput = {
      reference: current.reference.trim(),
      label: current.label.trim(),
      unit: current.unit.trim() || null,
      salePriceCents: Number(salePrice),
      purchasePriceCents: purchasePrice === null ? null : Number(purchasePrice),
      vatRate: current.vatRate,
      active: current.active,
    };
    setSaving(true);
    setMessage(null);
    try {
      if (isNew) {
        const result = await client.mutate({ mutation: CreateArticleMutation, variables: { input } });
        client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'articles' });
        if (result.data) navigate(`/articles/${result.data.saved.id}`, { replace: true });
      } else if (article) {
        await client.mutate({ mutation: UpdateArticleMutation, variables: { id: article.id, version: article.version, input } });
        client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'articles' });
        await refetch();
        setValues(null);
        setMessage({ tone: 'success', text: t('form.saved') });
      }
    } catch (caught) {
      setMessage(saveFailureNotice(i18n, caught));
    } finally {
      setSaving(false);
    }
  };


  const form = (
    <form className="form-grid" onSubmit={(e) => void submit(e)} aria-label={t('form.details')}>
      {!writable ? <p className="muted">{t('article.readonly')}</p> : null}
      <fieldset disabled={!writable}>
        <legend>{t('form.details')}</legend>
        <label className="field">
          <span>{t('field.reference')} *</span>
          <input value={current.reference} required maxLength={40} onChange={(e) => set({ reference: e.target.value })} />
        </label>
        <label className="field field-wide">
          <span>{t('field.label')} *</span>
          <input value={current.label} required maxLength={200} onChange={(e) => set({ label: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('field.unit')}</span>
          <input value={current.unit} maxLength={20} onChange={(e) => set({ unit: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('field.salePriceCents')} *</span>
          <input inputMode="decimal" className="num" value={current.salePrice} required onChange={(e) => set({ salePrice: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('field.vatRate')}</span>
          <select value={String(current.vatRate)} onChange={(e) => set({ vatRate: e.target.value })}>
            {VAT_RATES.map((rate) => (
              <option key={rate} value={String(rate)}>
                {formatRate(rate)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-check">
          <input type="checkbox" checked={current.active} onChange={(e) => set({ active: e.target.checked })} />
          <span>{t('field.active')}</span>
        </label>
      </fieldset>
      {seesCosts ? (
        <fieldset disabled={!writable}>
          <legend>{t('article.costs')}</legend>
          <label className="field">
            <span>{t('field.purchasePriceCents')}</span>
            <input inputMode="decimal" className="num" value={current.purchasePrice} onChange={(e) => set({ purchasePrice: e.target.value })} />
          </label>
          {article && values === null ? (
            <dl className="facts">
              <div>
                <dt>{t('field.marginCents')}</dt>
                <dd data-testid="margin">{money(article.marginCents)}</dd>
              </div>
              <div>
                <dt>{t('field.marginRate')}</dt>
                <dd>{rate(article.marginRate)}</dd>
              </div>
            </dl>
          ) : null}
        </fieldset>
      ) : (
        <p className="muted small">{t('article.costsHidden')}</p>
      )}
      {message ? (
        message.tone === 'success' ? (
          <Notice tone="success">{message.text}</Notice>
        ) : (
          <p className="notice notice-warning" role="alert">
            {message.text}
          </p>
        )
      ) : null}
      {writable ? (
        <div className="editor-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t('form.saving') : isNew ? t('form.create') : t('form.save')}
          </button>
        </div>
      ) : null}
    </form>
  );

  return (
    <>
      <PageHeader
        title={article ? `${article.reference} — ${article.label}` : t('article.new')}
        actions={
          <Link className="button button-secondary" to="/articles">
            {t('form.back')}
          </Link>
        }
      />
      {article ? (
        <>
          <div role="tablist" aria-label={t('doc.tabs')} className="tabs">
            <button type="button" role="tab" aria-selected={tab === 'record'} className="tab" onClick={() => selectTab('record')}>
              {t('form.details')}
            </button>
            <button type="button" role="tab" aria-selected={tab === 'action'} className="tab" onClick={() => selectTab('action')}>
              {t('doc.tab.action')}
            </button>
          </div>
          <div role="tabpanel" className="tab-panel">
            {tab === 'record' ? (
              form
            ) : (
              <ActionTab
                createdAt={article.createdAt}
                createdBy={article.createdBy}
                updatedAt={article.updatedAt}
                updatedBy={article.updatedBy}
                history={article.history}
                hiddenFields={seesCosts ? undefined : COST_FIELDS}
              />
            )}
          </div>
        </>
      ) : (
        form
      )}
    </>
  );
}
