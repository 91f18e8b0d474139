import { useState } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Button, Table, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { AccountingSettingsInputSchema } from '@comptoir/schema';
import { useI18n } from '../../app/i18n/i18n';
import { useUnsavedChangesGuard } from '../../app/ui/use-unsaved-changes-guard';
import type { AccountingSettingsInput, AccountingSettingsQuery as Settings, CustomerAccountsQuery as Customers } from '../../gql/graphql';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { Loading } from '../../ui/loading';
import { TableScroll } from '../../ui/table-scroll';
import { TableSkeleton } from '../../ui/table-skeleton';
import { schemaErrors, serverFieldErrors } from '../../ui/form-errors';
import { SettingsHeader } from '../settings/settings-tabs';
import { fill } from './accounting.messages';
import { chartEn, chartFr, type ChartText } from './chart.messages';
import { AccountingSettingsQuery, CustomerAccountsQuery, UpdateAccountingSettingsMutation, UpdateCustomerAccountCodeMutation } from './accounting.operations';
import '../documents/documents.css';

type Field = Exclude<keyof AccountingSettingsInput, 'version'>;
type FormValues = Record<Field, string>;

const JOURNALS: Field[] = ['salesJournalCode', 'salesJournalName', 'bankJournalCode', 'bankJournalName'];
const REVENUE: Field[] = ['goodsRevenueAccount', 'servicesRevenueAccount'];
const VAT: Field[] = ['vatAccount20', 'vatAccount10', 'vatAccount55', 'vatAccount21'];
const OTHERS: Field[] = ['customerAccount', 'bankAccount', 'siren'];
const ALL: Field[] = [...JOURNALS, ...REVENUE, ...VAT, ...OTHERS];

function useText(): ChartText {
  return useI18n().language === 'en' ? chartEn : chartFr;
}

function toInput(values: FormValues, version: number): AccountingSettingsInput {
  const input = Object.fromEntries(ALL.map((f) => [f, values[f].trim()])) as FormValues;
  return { ...input, siren: input.siren === '' ? null : input.siren.replace(/\s+/g, ''), version };
}

/** Paramètres / Comptabilité (OWNER, ADV, ACCOUNTANT): the chart of accounts, then the customers' auxiliary codes. */
export default function AccountingSettingsPage() {
  const a = useText();
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(AccountingSettingsQuery, { fetchPolicy: 'network-only' });
  const settings = data?.accountingSettings;
  const [saved, setSaved] = useState(false);

  let body;
  if (settings) {
    body = (
      <>
        {/* A new version (saved here or elsewhere) starts the form afresh from the server's values. */}
        <ChartForm
          key={settings.version}
          settings={settings}
          saved={saved}
          onEdit={() => setSaved(false)}
          onSaved={async () => {
            await refetch();
            setSaved(true);
          }}
          onReload={() => void refetch()}
        />
        <CustomerCodes />
      </>
    );
  } else if (loading) {
    body = <Loading label={t('app.loading')} />;
  } else {
    body = <ApiError error={error} />;
  }
  return (
    <>
      <SettingsHeader intro={a.intro} />
      <div className="stack">{body}</div>
    </>
  );
}

function ChartForm({
  settings,
  saved,
  onEdit,
  onSaved,
  onReload,
}: {
  settings: Settings['accountingSettings'];
  saved: boolean;
  onEdit(): void;
  onSaved(): Promise<void>;
  onReload(): void;
}) {
  const a = useText();
  const i18n = useI18n();
  const client = useApolloClient();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: Object.fromEntries(ALL.map((f) => [f, settings[f] ?? ''])) as FormValues,
    // The API's own zod schema: every refused field marked at once, before sending.
    validate: (values) => schemaErrors(i18n, AccountingSettingsInputSchema, toInput(values, settings.version)),
    onValuesChange: () => onEdit(),
  });
  const dirty = form.isDirty();
  const guard = useUnsavedChangesGuard(dirty);

  const submit = async (values: FormValues) => {
    setSaving(true);
    setFailure(null);
    try {
      await client.mutate({ mutation: UpdateAccountingSettingsMutation, variables: { input: toInput(values, settings.version) } });
      guard.allowLeave();
      form.resetDirty();
      await onSaved();
    } catch (caught) {
      const fields = serverFieldErrors(i18n, caught);
      if (fields) form.setErrors(fields);
      setFailure(caught);
    } finally {
      setSaving(false);
    }
  };

  const input = (field: Field, options: { help?: string; code?: boolean } = {}) => (
    <TextInput
      key={field}
      miw="12rem"
      name={field}
      label={a[field]}
      description={options.help}
      withAsterisk={field !== 'siren'}
      maxLength={field.endsWith('Name') ? 40 : field === 'siren' ? 11 : 12}
      inputMode={options.code || field.endsWith('Name') ? undefined : 'numeric'}
      {...form.getInputProps(field)}
    />
  );

  return (
    <Card title={a.chart}>
      <form className="form-grid" onSubmit={form.onSubmit((values) => void submit(values))} aria-label={i18n.t('settings.tab.accounting')} noValidate data-testid="chart-form">
        {settings.version === 0 ? <p className="muted">{a.defaults}</p> : null}
        <fieldset>
          <legend>{a.journals}</legend>
          {JOURNALS.map((f) => input(f, { code: f.endsWith('Code') }))}
        </fieldset>
        <fieldset>
          <legend>{a.revenue}</legend>
          {REVENUE.map((f) => input(f))}
          <p className="muted small field-wide">{a.revenueHelp}</p>
        </fieldset>
        <fieldset>
          <legend>{a.vat}</legend>
          {VAT.map((f) => input(f))}
          <p className="muted small field-wide">{a.vatHelp}</p>
        </fieldset>
        <fieldset>
          <legend>{a.others}</legend>
          {input('customerAccount')}
          {input('bankAccount')}
          {input('siren', { help: fill(a.sirenHelp, { siren: settings.effectiveSiren ?? a.sirenNone }) })}
        </fieldset>
        {saved && !dirty ? (
          <p className="notice" role="status">
            {a.saved}
          </p>
        ) : null}
        {failure ? (
          <div className="field-wide">
            <ApiError error={failure} />
            <Button
              variant="default"
              mt="xs"
              onClick={() => {
                setFailure(null);
                onReload();
              }}
            >
              {a.reload}
            </Button>
          </div>
        ) : null}
        <div className="editor-actions">
          <Button type="submit" loading={saving}>
            {a.save}
          </Button>
        </div>
      </form>
    </Card>
  );
}

type CustomerRow = Customers['customerAccounts'][number];

/** The customers' auxiliary codes: editable until an entry used one (the API answers CONFLICT ACCOUNT_CODE_USED after that). */
function CustomerCodes() {
  const a = useText();
  const { t } = useI18n();
  const { data, loading, error } = useQuery(CustomerAccountsQuery, { fetchPolicy: 'network-only' });
  const [editing, setEditing] = useState<string | null>(null);
  const rows = data?.customerAccounts;
  return (
    <Card title={a.customers}>
      <p className="muted">{a.customersIntro}</p>
      {error ? <ApiError error={error} /> : null}
      {loading && !rows ? <TableSkeleton label={t('app.loading')} /> : null}
      {rows && rows.length === 0 ? <p className="muted">{a.customersEmpty}</p> : null}
      {rows && rows.length > 0 ? (
        <TableScroll>
          <Table data-testid="customer-codes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{a.customer}</Table.Th>
                <Table.Th>{a.account}</Table.Th>
                <Table.Th>{a.state}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) =>
                editing === row.customerId ? (
                  <CodeEditor key={row.customerId} row={row} onDone={() => setEditing(null)} />
                ) : (
                  <Table.Tr key={row.customerId} data-testid="customer-code" data-used={row.used}>
                    <Table.Td>{row.customerName}</Table.Td>
                    <Table.Td>{row.auxiliaryAccount}</Table.Td>
                    <Table.Td>
                      {row.used ? (
                        a.used
                      ) : (
                        <>
                          {row.stored ? a.stored : a.proposed}{' '}
                          <Button size="compact-xs" variant="default" onClick={() => setEditing(row.customerId)} aria-label={fill(a.editCode, { name: row.customerName })}>
                            {a.edit}
                          </Button>
                        </>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
    </Card>
  );
}

function CodeEditor({ row, onDone }: { row: CustomerRow; onDone(): void }) {
  const a = useText();
  const [code, setCode] = useState(row.code);
  const [save, state] = useMutation(UpdateCustomerAccountCodeMutation, { refetchQueries: [CustomerAccountsQuery], awaitRefetchQueries: true });
  const submit = async () => {
    try {
      const result = await save({ variables: { customerId: row.customerId, code: code.trim().toUpperCase() } });
      const saved = result.data?.updateCustomerAccountCode.code ?? code;
      notifications.show({ color: 'green', message: fill(a.codeSaved, { name: row.customerName, account: `411${saved}` }) });
      onDone();
    } catch {
      // Shown below (ACCOUNT_CODE_USED once an entry used it meanwhile, DUPLICATE_ACCOUNT_CODE…).
    }
  };
  return (
    <Table.Tr data-testid="customer-code-editor">
      <Table.Td>{row.customerName}</Table.Td>
      <Table.Td colSpan={2}>
        <div className="stack">
          <TextInput
            label={fill(a.editCode, { name: row.customerName })}
            leftSection={<span aria-hidden="true">411</span>}
            value={code}
            maxLength={14}
            onChange={(e) => setCode(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void submit();
              }
            }}
          />
          {state.error ? <ApiError error={state.error} /> : null}
          <div className="editor-actions">
            <Button size="compact-sm" loading={state.loading} onClick={() => void submit()}>
              {a.saveCode}
            </Button>
            <Button size="compact-sm" variant="default" onClick={onDone}>
              {a.cancel}
            </Button>
          </div>
        </div>
      </Table.Td>
    </Table.Tr>
  );
}
