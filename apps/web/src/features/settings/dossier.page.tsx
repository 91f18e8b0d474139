import { VAT_RATES } from '@comptoir/schema';
import { useMutation, useQuery } from '@apollo/client/react';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import { graphql } from '../../gql';
import { ApiError, errorField } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { Loading } from '../../ui/loading';
import { SettingsHeader } from './settings-tabs';

// Documents and e-mails (issue 13): its own lazy chunk.
const DocumentSettingsForm = lazy(() => import('../outbound/document-settings-form'));

const DossierSettingsQuery = graphql(`
  query DossierSettings {
    dossierSettings {
      id
      version
      name
      siret
      vatNumber
      addressLine
      postalCode
      city
      country
      quotePrefix
      invoicePrefix
      creditNotePrefix
      priceRequestPrefix
      supplierOrderPrefix
      defaultVatRate
      paymentTermsDays
      legalMentions
    }
  }
`);

const UpdateDossierSettingsMutation = graphql(`
  mutation UpdateDossierSettings($input: DossierSettingsInput!) {
    updateDossierSettings(input: $input) {
      id
      version
      name
      siret
      vatNumber
      addressLine
      postalCode
      city
      country
      quotePrefix
      invoicePrefix
      creditNotePrefix
      priceRequestPrefix
      supplierOrderPrefix
      defaultVatRate
      paymentTermsDays
      legalMentions
    }
  }
`);

type TextField = 'name' | 'siret' | 'vatNumber' | 'addressLine' | 'postalCode' | 'city' | 'country' | 'quotePrefix' | 'invoicePrefix' | 'creditNotePrefix' | 'priceRequestPrefix' | 'supplierOrderPrefix' | 'legalMentions';
type FormValues = Record<TextField, string> & { defaultVatRate: string; paymentTermsDays: number };

const IDENTITY: TextField[] = ['name', 'siret', 'vatNumber', 'addressLine', 'postalCode', 'city', 'country'];
const PREFIXES: TextField[] = ['quotePrefix', 'invoicePrefix', 'creditNotePrefix', 'priceRequestPrefix', 'supplierOrderPrefix'];
const ALL_FIELDS: (keyof FormValues)[] = [...IDENTITY, ...PREFIXES, 'defaultVatRate', 'paymentTermsDays', 'legalMentions'];

const label = (field: string) => `settings.dossier.field.${field}` as MessageKey;

/** Paramètres / Dossier: legal identity and invoicing settings, with an optimistic version. */
export default function SettingsDossierPage() {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(DossierSettingsQuery, { fetchPolicy: 'network-only' });
  const current = data?.dossierSettings;
  const [edits, setEdits] = useState<Partial<FormValues>>({});
  const [saved, setSaved] = useState(false);
  const [save, saveState] = useMutation(UpdateDossierSettingsMutation);

  if (loading && !current) return <Loading label={t('app.loading')} />;
  if (!current) {
    return (
      <>
        <SettingsHeader intro={t('settings.dossier.intro')} />
        {error ? <ApiError error={error} /> : null}
      </>
    );
  }

  const values: FormValues = {
    name: current.name,
    siret: current.siret ?? '',
    vatNumber: current.vatNumber ?? '',
    addressLine: current.addressLine ?? '',
    postalCode: current.postalCode ?? '',
    city: current.city ?? '',
    country: current.country,
    quotePrefix: current.quotePrefix,
    invoicePrefix: current.invoicePrefix,
    creditNotePrefix: current.creditNotePrefix,
    priceRequestPrefix: current.priceRequestPrefix,
    supplierOrderPrefix: current.supplierOrderPrefix,
    legalMentions: current.legalMentions,
    defaultVatRate: current.defaultVatRate,
    paymentTermsDays: current.paymentTermsDays,
    ...edits,
  };
  const named = errorField(saveState.error)?.replace(/^input\./, '') ?? null;
  const invalid = named && (ALL_FIELDS as string[]).includes(named) ? named : null;
  const set = (field: keyof FormValues, value: string | number) => {
    setSaved(false);
    setEdits((e) => ({ ...e, [field]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    try {
      await save({
        variables: {
          input: {
            ...values,
            version: current.version,
            siret: values.siret || null,
            vatNumber: values.vatNumber || null,
            addressLine: values.addressLine || null,
            postalCode: values.postalCode || null,
            city: values.city || null,
          },
        },
      });
      setEdits({});
      setSaved(true);
    } catch {
      // Shown below from saveState.error.
    }
  };

  const text = (field: TextField, help?: string) => (
    <label key={field} className={`field${invalid === field ? ' invalid' : ''}`}>
      <span>{t(label(field))}</span>
      <input name={field} value={values[field]} onChange={(e) => set(field, e.target.value)} aria-invalid={invalid === field} />
      {help ? <small className="muted">{help}</small> : null}
    </label>
  );

  return (
    <>
      <SettingsHeader intro={t('settings.dossier.intro')} />
      <form className="stack" onSubmit={(e) => void submit(e)} data-testid="dossier-settings-form">
        <Card title={t('settings.dossier.identity')}>
          <div className="form-grid">{IDENTITY.map((f) => text(f))}</div>
        </Card>
        <Card title={t('settings.dossier.invoicing')}>
          <div className="form-grid">
            {PREFIXES.map((f) => text(f, t('settings.dossier.prefixHelp')))}
            <label className={`field${invalid === 'defaultVatRate' ? ' invalid' : ''}`}>
              <span>{t(label('defaultVatRate'))}</span>
              <select name="defaultVatRate" value={values.defaultVatRate} onChange={(e) => set('defaultVatRate', e.target.value)}>
                {VAT_RATES.map((rate) => (
                  <option key={rate} value={rate}>
                    {t('settings.dossier.vatRate', { rate: String(rate).replace('.', ',') })}
                  </option>
                ))}
              </select>
            </label>
            <label className={`field${invalid === 'paymentTermsDays' ? ' invalid' : ''}`}>
              <span>{t(label('paymentTermsDays'))}</span>
              <input
                type="number"
                name="paymentTermsDays"
                min={0}
                max={120}
                value={values.paymentTermsDays}
                onChange={(e) => set('paymentTermsDays', e.target.valueAsNumber)}
              />
            </label>
            <label className={`field field-wide${invalid === 'legalMentions' ? ' invalid' : ''}`}>
              <span>{t(label('legalMentions'))}</span>
              <textarea name="legalMentions" rows={4} maxLength={2000} value={values.legalMentions} onChange={(e) => set('legalMentions', e.target.value)} />
            </label>
          </div>
          <div className="form-actions">
            <button type="submit" className="button" disabled={saveState.loading}>
              {t('settings.dossier.save')}
            </button>
            {saved ? (
              <span className="notice" role="status">
                {t('settings.dossier.saved')}
              </span>
            ) : null}
          </div>
          {saveState.error ? (
            <>
              {invalid ? <p className="error-title">{t('settings.dossier.invalidField', { field: t(label(invalid)) })}</p> : null}
              <ApiError error={saveState.error} />
              {!invalid ? (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    setEdits({});
                    saveState.reset();
                    void refetch();
                  }}
                >
                  {t('settings.dossier.reload')}
                </button>
              ) : null}
            </>
          ) : null}
        </Card>
      </form>
      <Suspense fallback={null}>
        <DocumentSettingsForm />
      </Suspense>
    </>
  );
}
