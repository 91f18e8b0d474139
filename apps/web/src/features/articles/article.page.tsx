import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button, Checkbox, Select, Tabs, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n/i18n';
import type { ArticleInput, ArticleKind } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/error-message';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { schemaErrors, serverFieldErrors } from '../../ui/form-errors';
import { useUnsavedChangesGuard } from '../../app/ui/use-unsaved-changes-guard';
import { errorText, saveFailureNotice } from '../documents/document-errors';
import { useRecordTab } from '../history/use-record-tab';
import { allowed, PARTY_ACCESS } from '../documents/document-kinds';
import { ArticleInputSchema, centsToInput, formatRate, parseUserDecimal, VAT_RATES } from '@comptoir/schema';
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
  kind: ArticleKind;
}

const EMPTY: FormValues = { reference: '', label: '', unit: 'u', salePrice: '', purchasePrice: '', vatRate: '20', active: true, kind: 'SERVICES' };
/** Goods or services: the revenue account of its lines (707 / 706, Paramètres / Comptabilité). */
const KINDS: readonly ArticleKind[] = ['GOODS', 'SERVICES'];
const COST_FIELDS: ReadonlySet<string> = new Set(['purchasePriceCents', 'marginCents', 'marginRate']);
/** The API's input names that the form calls otherwise. */
const RENAME = { salePriceCents: 'salePrice', purchasePriceCents: 'purchasePrice' };

/** The API's input for the form's values; an amount that does not parse is NaN (refused by the schema). */
function toInput(values: FormValues): ArticleInput {
  const amount = (text: string) => {
    const parsed = parseUserDecimal(text, 2);
    return parsed === null ? Number.NaN : Number(parsed);
  };
  return {
    reference: values.reference.trim(),
    label: values.label.trim(),
    unit: values.unit.trim() || null,
    salePriceCents: amount(values.salePrice.trim() || '0'),
    purchasePriceCents: values.purchasePrice.trim() === '' ? null : amount(values.purchasePrice),
    vatRate: values.vatRate,
    active: values.active,
    kind: values.kind,
  };
}

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
  const { profile } = useSession();
  const money = (v: number | null | undefined) => (typeof v === 'number' ? formatAmount(v) : '—');
  const rate = (v: string | null | undefined) => (typeof v === 'string' ? formatRate(v) : '—');
  const [tab, selectTab] = useRecordTab();
  const { data, error, refetch } = useQuery(ArticleQuery, { variables: { id: id ?? '' }, skip: isNew, errorPolicy: 'all', fetchPolicy: 'cache-and-network' });
  const article = data?.article;
  const [saved, setSaved] = useState(false);
  const writable = allowed(PARTY_ACCESS.articles.write, profile);
  const seesCosts = allowed(PARTY_ACCESS.articleCosts, profile);

  if (!isNew && !article) {
    if (error) return <ErrorMessage title={t('error.title')} message={errorText(i18n, error)} retryLabel={t('error.retry')} onRetry={() => void refetch()} />;
    return <Loading label={t('list.loading')} />;
  }

  const initial: FormValues = article
    ? {
        reference: article.reference,
        label: article.label,
        unit: article.unit,
        salePrice: centsToInput(article.salePriceCents),
        purchasePrice: typeof article.purchasePriceCents === 'number' ? centsToInput(article.purchasePriceCents) : '',
        vatRate: article.vatRate,
        active: article.active,
        kind: article.kind,
      }
    : EMPTY;

  const form = (
    // A new version (saved here or elsewhere) starts the form afresh from the record.
    <ArticleForm
      key={article ? `${article.id}:${article.version}` : 'new'}
      articleId={article?.id ?? null}
      version={article?.version ?? null}
      initial={initial}
      writable={writable}
      seesCosts={seesCosts}
      saved={saved}
      onSaved={async () => {
        await refetch();
        setSaved(true);
      }}
      onEdit={() => setSaved(false)}
      margin={
        article ? (
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
        ) : null
      }
    />
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
          {/* Mantine Tabs keep the record's panel mounted behind ACTION: a look at the history loses no edit.
              display-none, not the default Activity, which would switch off the unsaved-changes guard there. */}
          <Tabs value={tab} onChange={(next) => selectTab(next === 'action' ? 'action' : 'record')} keepMountedMode="display-none" mt="md">
            <Tabs.List aria-label={t('doc.tabs')}>
              <Tabs.Tab value="record">{t('form.details')}</Tabs.Tab>
              <Tabs.Tab value="action">{t('doc.tab.action')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="record" pt="md">
              {form}
            </Tabs.Panel>
            <Tabs.Panel value="action" pt="md">
              {tab === 'action' ? (
                <ActionTab
                  createdAt={article.createdAt}
                  createdBy={article.createdBy}
                  updatedAt={article.updatedAt}
                  updatedBy={article.updatedBy}
                  history={article.history}
                  hiddenFields={seesCosts ? undefined : COST_FIELDS}
                />
              ) : null}
            </Tabs.Panel>
          </Tabs>
        </>
      ) : (
        form
      )}
    </>
  );
}

/**
 * The article's fields (@mantine/form): checked by the API's own zod schema before
 * sending, every refused field marked at once beside its field (and the same for
 * what the server refuses); leaving with unsaved changes asks first.
 */
function ArticleForm({
  articleId,
  version,
  initial,
  writable,
  seesCosts,
  saved,
  onSaved,
  onEdit,
  margin,
}: {
  articleId: string | null;
  version: number | null;
  initial: FormValues;
  writable: boolean;
  seesCosts: boolean;
  saved: boolean;
  onSaved(): Promise<void>;
  onEdit(): void;
  margin: ReactNode;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const client = useApolloClient();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: (values) => {
      const errors = schemaErrors(i18n, ArticleInputSchema, toInput(values), RENAME);
      // An amount that does not parse says how to write one.
      if (errors.salePrice) errors.salePrice = t('form.invalidAmount');
      if (errors.purchasePrice) errors.purchasePrice = t('form.invalidAmount');
      return errors;
    },
    onValuesChange: () => onEdit(),
  });
  const dirty = writable && form.isDirty();
  const guard = useUnsavedChangesGuard(dirty);

  const submit = async (values: FormValues) => {
    const input = toInput(values);
    setSaving(true);
    setFailure(null);
    try {
      if (articleId === null || version === null) {
        const result = await client.mutate({ mutation: CreateArticleMutation, variables: { input } });
        client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'articles' });
        guard.allowLeave();
        if (result.data) navigate(`/articles/${result.data.saved.id}`, { replace: true });
      } else {
        await client.mutate({ mutation: UpdateArticleMutation, variables: { id: articleId, version, input } });
        client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'articles' });
        form.resetDirty();
        await onSaved();
      }
    } catch (caught) {
      const fields = serverFieldErrors(i18n, caught, RENAME);
      if (fields) form.setErrors(fields);
      setFailure(saveFailureNotice(i18n, caught).text);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="form-grid" onSubmit={form.onSubmit((values) => void submit(values))} aria-label={t('form.details')} noValidate>
      {!writable ? <p className="muted">{t('article.readonly')}</p> : null}
      <fieldset disabled={!writable}>
        <legend>{t('form.details')}</legend>
        <TextInput miw="10rem" label={t('field.reference')} withAsterisk maxLength={40} {...form.getInputProps('reference')} />
        <TextInput miw="10rem" className="field-wide" label={t('field.label')} withAsterisk maxLength={200} {...form.getInputProps('label')} />
        <TextInput miw="10rem" label={t('field.unit')} maxLength={20} {...form.getInputProps('unit')} />
        <TextInput miw="10rem" label={t('field.salePriceCents')} withAsterisk inputMode="decimal" classNames={{ input: 'num' }} {...form.getInputProps('salePrice')} />
        <Select miw="10rem" label={t('field.vatRate')} data={VAT_RATES.map((r) => ({ value: String(r), label: formatRate(r) }))} {...form.getInputProps('vatRate')} />
        <Select
          miw="12rem"
          label={t('field.kind')}
          allowDeselect={false}
          data={KINDS.map((kind) => ({ value: kind, label: t(`article.kind.${kind}`) }))}
          {...form.getInputProps('kind')}
        />
        <Checkbox label={t('field.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
      </fieldset>
      {seesCosts ? (
        <fieldset disabled={!writable}>
          <legend>{t('article.costs')}</legend>
          <TextInput miw="10rem" label={t('field.purchasePriceCents')} inputMode="decimal" classNames={{ input: 'num' }} {...form.getInputProps('purchasePrice')} />
          {dirty ? null : margin}
        </fieldset>
      ) : (
        <p className="muted small">{t('article.costsHidden')}</p>
      )}
      {saved && !dirty ? <Notice tone="success">{t('form.saved')}</Notice> : null}
      {failure ? (
        <p className="notice notice-warning" role="alert">
          {failure}
        </p>
      ) : null}
      {writable ? (
        <div className="editor-actions">
          <Button type="submit" loading={saving}>
            {articleId === null ? t('form.create') : t('form.save')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
