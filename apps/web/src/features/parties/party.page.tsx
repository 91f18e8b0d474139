import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../app/auth';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import type { CustomerInput, PaymentTerms } from '../../gql/graphql';
import { PAYMENT_TERMS_LABELS } from '@comptoir/schema';
import { ErrorMessage } from '../../ui/error-message';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { errorText, saveFailureNotice } from '../documents/document-errors';
import { useRecordTab } from '../history/use-record-tab';
import { allowed, PARTY_ACCESS } from '../documents/document-kinds';
import { Notice } from '../documents/ui-bits';
import { ActionTab } from '../history/action-tab';
import { PARTY_PATHS, type PartySide } from './party-list.page';
import { CreateCustomerMutation, CreateSupplierMutation, CustomerQuery, SupplierQuery, UpdateCustomerMutation, UpdateSupplierMutation } from './party.operations';
import '../documents/documents.css';

type FormValues = Record<keyof CustomerInput, string>;

const TEXT_FIELDS: { group: MessageKey; fields: { name: keyof CustomerInput; type?: string; max: number; wide?: boolean }[] }[] = [
  {
    group: 'party.identity',
    fields: [
      { name: 'legalName', max: 160, wide: true },
      { name: 'siren', max: 9 },
      { name: 'siret', max: 14 },
      { name: 'vatNumber', max: 20 },
    ],
  },
  {
    group: 'party.address',
    fields: [
      { name: 'addressLine1', max: 200, wide: true },
      { name: 'addressLine2', max: 200, wide: true },
      { name: 'postalCode', max: 10 },
      { name: 'city', max: 100 },
      { name: 'country', max: 2 },
    ],
  },
  {
    group: 'party.contact',
    fields: [
      { name: 'contactName', max: 120 },
      { name: 'contactEmail', type: 'email', max: 254 },
      { name: 'contactPhone', type: 'tel', max: 40 },
      { name: 'billingEmail', type: 'email', max: 254 },
    ],
  },
  {
    group: 'party.terms',
    fields: [
      { name: 'paymentTerms', max: 30 },
      { name: 'paymentTermsDays', type: 'number', max: 3 },
      { name: 'notes', max: 2000, wide: true },
    ],
  },
];

const EMPTY: FormValues = {
  legalName: '',
  siren: '',
  siret: '',
  vatNumber: '',
  addressLine1: '',
  addressLine2: '',
  postalCode: '',
  city: '',
  country: 'FR',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  paymentTermsDays: '',
  paymentTerms: '',
  billingEmail: '',
  notes: '',
};

function toInput(values: FormValues): CustomerInput {
  const text = (v: string) => (v.trim() === '' ? null : v.trim());
  return {
    legalName: values.legalName.trim(),
    siren: text(values.siren),
    siret: text(values.siret),
    vatNumber: text(values.vatNumber),
    addressLine1: text(values.addressLine1),
    addressLine2: text(values.addressLine2),
    postalCode: text(values.postalCode),
    city: text(values.city),
    country: text(values.country),
    contactName: text(values.contactName),
    contactEmail: text(values.contactEmail),
    contactPhone: text(values.contactPhone),
    paymentTermsDays: values.paymentTermsDays.trim() === '' ? null : Number(values.paymentTermsDays),
    paymentTerms: values.paymentTerms === '' ? null : (values.paymentTerms as PaymentTerms),
    billingEmail: text(values.billingEmail),
    notes: text(values.notes),
  };
}

/** A customer or supplier: its record (create/edit) and its ACTION tab. */
export default function PartyPage({ side }: { side: PartySide }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { id } = useParams();
  const isNew = !id;
  const navigate = useNavigate();
  const client = useApolloClient();
  const { profile } = useSession();
  const [tab, selectTab] = useRecordTab();
  const query = side === 'customers' ? CustomerQuery : SupplierQuery;
  const { data, error, refetch } = useQuery(query as typeof CustomerQuery, { variables: { id: id ?? '' }, skip: isNew, fetchPolicy: 'cache-and-network' });
  const party = data?.party;
  const [values, setValues] = useState<FormValues | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'warning'; text: string } | null>(null);
  const writable = allowed(PARTY_ACCESS[side].write, profile);
  const path = PARTY_PATHS[side];

  if (!isNew && !party) {
    if (error) return <ErrorMessage title={t('error.title')} message={errorText(i18n, error)} retryLabel={t('error.retry')} onRetry={() => void refetch()} />;
    return <Loading label={t('list.loading')} />;
  }

  const current: FormValues =
    values ??
    (party
      ? (Object.fromEntries(Object.keys(EMPTY).map((key) => [key, String(party[key as keyof typeof party] ?? '')])) as FormValues)
      : EMPTY);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setMessage(null);
    try {
      const input = toInput(current);
      if (isNew) {
        const mutation = side === 'customers' ? CreateCustomerMutation : CreateSupplierMutation;
        const result = await client.mutate({ mutation: mutation as typeof CreateCustomerMutation, variables: { input } });
        client.cache.evict({ id: 'ROOT_QUERY', fieldName: side });
        if (result.data) navigate(`${path}/${result.data.saved.id}`, { replace: true });
      } else if (party) {
        const mutation = side === 'customers' ? UpdateCustomerMutation : UpdateSupplierMutation;
        await client.mutate({ mutation: mutation as typeof UpdateCustomerMutation, variables: { id: party.id, version: party.version, input } });
        client.cache.evict({ id: 'ROOT_QUERY', fieldName: side });
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
      {!writable ? <p className="muted">{t('party.readonly')}</p> : null}
      {TEXT_FIELDS.map((group) => (
        <fieldset key={group.group} disabled={!writable}>
          <legend>{t(group.group)}</legend>
          {group.fields.map((f) => (
            <label key={f.name} className={f.wide ? 'field field-wide' : 'field'}>
              <span>
                {t(`field.${f.name}` as MessageKey)}
                {f.name === 'legalName' ? ' *' : ''}
              </span>
              {f.name === 'paymentTerms' ? (
                <select value={current.paymentTerms} onChange={(e) => setValues({ ...current, paymentTerms: e.target.value })}>
                  <option value="">{t('field.paymentTerms.days')}</option>
                  {Object.entries(PAYMENT_TERMS_LABELS[i18n.language]).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              ) : f.name === 'notes' ? (
                <textarea value={current.notes} maxLength={f.max} rows={3} onChange={(e) => setValues({ ...current, notes: e.target.value })} />
              ) : (
                <input
                  type={f.type ?? 'text'}
                  value={current[f.name]}
                  required={f.name === 'legalName'}
                  maxLength={f.type === 'number' ? undefined : f.max}
                  min={f.type === 'number' ? 0 : undefined}
                  max={f.type === 'number' ? 365 : undefined}
                  onChange={(e) => setValues({ ...current, [f.name]: e.target.value })}
                />
              )}
            </label>
          ))}
        </fieldset>
      ))}
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

  const title = party?.legalName ?? (side === 'customers' ? t('party.newCustomer') : t('party.newSupplier'));
  return (
    <>
      <PageHeader
        title={title}
        intro={side === 'customers' ? t('party.customer') : t('party.supplier')}
        actions={
          <Link className="button button-secondary" to={path}>
            {t('form.back')}
          </Link>
        }
      />
      {party ? (
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
              <ActionTab createdAt={party.createdAt} createdBy={party.createdBy} updatedAt={party.updatedAt} updatedBy={party.updatedBy} history={party.history} />
            )}
          </div>
        </>
      ) : (
        form
      )}
    </>
  );
}
