import { useApolloClient, useQuery } from '@apollo/client/react';
import { CustomerInputSchema, SupplierInputSchema } from '@comptoir/schema';
import { Button, NativeSelect, Tabs, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../app/auth';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import type { CustomerInput, PaymentTerms } from '../../gql/graphql';
import { PAYMENT_TERMS_LABELS } from '@comptoir/schema';
import { ErrorMessage } from '../../ui/error-message';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { schemaErrors, serverFieldErrors } from '../../ui/form-errors';
import { useUnsavedChangesGuard } from '../../app/ui/use-unsaved-changes-guard';
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
  const { profile } = useSession();
  const [tab, selectTab] = useRecordTab();
  const query = side === 'customers' ? CustomerQuery : SupplierQuery;
  const { data, error, refetch } = useQuery(query as typeof CustomerQuery, { variables: { id: id ?? '' }, skip: isNew, fetchPolicy: 'cache-and-network' });
  const party = data?.party;
  const [saved, setSaved] = useState(false);
  const writable = allowed(PARTY_ACCESS[side].write, profile);
  const path = PARTY_PATHS[side];

  if (!isNew && !party) {
    if (error) return <ErrorMessage title={t('error.title')} message={errorText(i18n, error)} retryLabel={t('error.retry')} onRetry={() => void refetch()} />;
    return <Loading label={t('list.loading')} />;
  }

  const initial: FormValues = party
    ? (Object.fromEntries(Object.keys(EMPTY).map((key) => [key, String(party[key as keyof typeof party] ?? '')])) as FormValues)
    : EMPTY;
  const form = (
    // A new version (saved here or elsewhere) starts the form afresh from the record.
    <PartyForm
      key={party ? `${party.id}:${party.version}` : 'new'}
      side={side}
      partyId={party?.id ?? null}
      version={party?.version ?? null}
      initial={initial}
      writable={writable}
      saved={saved}
      onSaved={async () => {
        await refetch();
        setSaved(true);
      }}
      onEdit={() => setSaved(false)}
    />
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
                <ActionTab createdAt={party.createdAt} createdBy={party.createdBy} updatedAt={party.updatedAt} updatedBy={party.updatedBy} history={party.history} />
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
 * The record's fields (@mantine/form): checked by the API's own zod schema before
 * sending, every refused field marked at once beside its field (and the same for
 * what the server refuses); leaving with unsaved changes asks first.
 */
function PartyForm({
  side,
  partyId,
  version,
  initial,
  writable,
  saved,
  onSaved,
  onEdit,
}: {
  side: PartySide;
  partyId: string | null;
  version: number | null;
  initial: FormValues;
  writable: boolean;
  saved: boolean;
  onSaved(): Promise<void>;
  onEdit(): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const client = useApolloClient();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const schema = side === 'customers' ? CustomerInputSchema : SupplierInputSchema;
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: (values) => schemaErrors(i18n, schema, toInput(values)),
    onValuesChange: () => onEdit(),
  });
  const dirty = writable && form.isDirty();
  const guard = useUnsavedChangesGuard(dirty);
  const path = PARTY_PATHS[side];

  const submit = async (values: FormValues) => {
    setSaving(true);
    setFailure(null);
    try {
      const input = toInput(values);
      if (partyId === null || version === null) {
        const mutation = side === 'customers' ? CreateCustomerMutation : CreateSupplierMutation;
        const result = await client.mutate({ mutation: mutation as typeof CreateCustomerMutation, variables: { input } });
        client.cache.evict({ id: 'ROOT_QUERY', fieldName: side });
        guard.allowLeave();
        if (result.data) navigate(`${path}/${result.data.saved.id}`, { replace: true });
      } else {
        const mutation = side === 'customers' ? UpdateCustomerMutation : UpdateSupplierMutation;
        await client.mutate({ mutation: mutation as typeof UpdateCustomerMutation, variables: { id: partyId, version, input } });
        client.cache.evict({ id: 'ROOT_QUERY', fieldName: side });
        form.resetDirty();
        await onSaved();
      }
    } catch (caught) {
      const fields = serverFieldErrors(i18n, caught);
      if (fields) form.setErrors(fields);
      setFailure(saveFailureNotice(i18n, caught).text);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="form-grid" onSubmit={form.onSubmit((values) => void submit(values))} aria-label={t('form.details')} noValidate>
      {!writable ? <p className="muted">{t('party.readonly')}</p> : null}
      {TEXT_FIELDS.map((group) => (
        <fieldset key={group.group} disabled={!writable}>
          <legend>{t(group.group)}</legend>
          {group.fields.map((f) =>
            f.name === 'paymentTerms' ? (
              <NativeSelect
                key={f.name}
                miw="10rem"
                label={t('field.paymentTerms')}
                data={[{ value: '', label: t('field.paymentTerms.days') }, ...Object.entries(PAYMENT_TERMS_LABELS[i18n.language]).map(([value, label]) => ({ value, label }))]}
                {...form.getInputProps(f.name)}
              />
            ) : f.name === 'notes' ? (
              <Textarea key={f.name} className="field-wide" label={t('field.notes')} maxLength={f.max} rows={3} {...form.getInputProps(f.name)} />
            ) : (
              <TextInput
                key={f.name}
                className={f.wide ? 'field-wide' : undefined}
                miw="10rem"
                type={f.type === 'number' ? 'text' : (f.type ?? 'text')}
                inputMode={f.type === 'number' ? 'numeric' : undefined}
                label={t(`field.${f.name}` as MessageKey)}
                withAsterisk={f.name === 'legalName'}
                maxLength={f.type === 'number' ? undefined : f.max}
                {...form.getInputProps(f.name)}
              />
            ),
          )}
        </fieldset>
      ))}
      {saved && !dirty ? <Notice tone="success">{t('form.saved')}</Notice> : null}
      {failure ? (
        <p className="notice notice-warning" role="alert">
          {failure}
        </p>
      ) : null}
      {writable ? (
        <div className="editor-actions">
          <Button type="submit" loading={saving}>
            {partyId === null ? t('form.create') : t('form.save')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
