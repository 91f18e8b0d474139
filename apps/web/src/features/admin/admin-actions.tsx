import { Table } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useI18n, type I18n, type MessageKey } from '../../app/i18n/i18n';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { TableScroll } from '../../ui/table-scroll';
import { TableSkeleton } from '../../ui/table-skeleton';

export const AdminActionRowFragment = graphql(`
  fragment AdminActionRow on AdminAction {
    id
    createdAt
    kind
    supportUserName
    supportUserEmail
    dossierId
    dossierName
    targetUserEmail
    detail
  }
`);

const AdminActionsQuery = graphql(`
  query AdminActions {
    adminActions(first: 200) {
      ...AdminActionRow
    }
  }
`);

const FIELD_LABEL: Record<string, MessageKey> = {
  email: 'admin.detail.email',
  name: 'admin.detail.name',
  profile: 'admin.detail.profile',
  plan: 'admin.detail.plan',
  status: 'admin.detail.status',
  extraSeats: 'admin.detail.extraSeats',
};

/**
 * `{"before":{"plan":"TPE"},"after":{"plan":"SOLO"}}` → `Formule : TPE → SOLO`, in the
 * interface's language: field names and values (profiles, plans, statuses) are
 * translated, never shown as the API's English keys.
 */
function describe(detail: string, t: I18n['t']): string {
  const label = (key: string) => (key in FIELD_LABEL ? t(FIELD_LABEL[key]) : key);
  const value = (key: string, v: unknown): string => {
    if (v === undefined || v === null) return '—';
    const text = String(v);
    if (key === 'profile' && PROFILES.includes(text)) return t(`settings.profile.${text}` as MessageKey);
    if (key === 'plan' && PLANS.includes(text)) return t(`settings.plan.${text}` as MessageKey);
    if (key === 'status' && SEAT_ORDER_STATUSES.includes(text)) return t(`settings.subscription.status.${text}` as MessageKey);
    return text;
  };
  try {
    const parsed = JSON.parse(detail) as { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null; [k: string]: unknown };
    const before = parsed.before ?? {};
    const after = parsed.after ?? {};
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const changes = keys.map((k) => `${label(k)} : ${value(k, before[k])} → ${value(k, after[k])}`);
    const extra = Object.entries(parsed)
      .filter(([k, v]) => k !== 'before' && k !== 'after' && v !== null && v !== undefined)
      .map(([k, v]) => `${label(k)} : ${value(k, v)}`);
    return [...changes, ...extra].join(' · ');
  } catch {
    return detail;
  }
}

const PROFILES = ['OWNER', 'ADV', 'COMMERCIAL', 'ACHAT', 'ACCOUNTANT'];
const PLANS = ['SOLO', 'TPE', 'TPE_PLUS'];
const SEAT_ORDER_STATUSES = ['PENDING_PAYMENT', 'PAID', 'CANCELLED'];

export function ActionsTable({ actions }: { actions: readonly FragmentType<typeof AdminActionRowFragment>[] }) {
  const { t, formatDateTime } = useI18n();
  const rows = getFragmentData(AdminActionRowFragment, actions);
  if (rows.length === 0) return <p className="muted">{t('admin.actions.empty')}</p>;
  return (
    <TableScroll>
      <Table data-testid="admin-actions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.actions.when')}</Table.Th>
            <Table.Th>{t('admin.actions.who')}</Table.Th>
            <Table.Th>{t('admin.actions.kind')}</Table.Th>
            <Table.Th>{t('admin.actions.target')}</Table.Th>
            <Table.Th>{t('admin.actions.detail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((a) => (
            <Table.Tr key={a.id} data-kind={a.kind}>
              <Table.Td>{formatDateTime(a.createdAt)}</Table.Td>
              <Table.Td>{a.supportUserName ?? a.supportUserEmail ?? '—'}</Table.Td>
              <Table.Td>{t(`admin.action.${a.kind}`)}</Table.Td>
              <Table.Td>{[a.dossierName, a.targetUserEmail].filter(Boolean).join(' · ') || '—'}</Table.Td>
              <Table.Td>
                <small>{describe(a.detail, t)}</small>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** The audit log of the support team's actions. */
export function AdminActionsSection() {
  const { t } = useI18n();
  const { data, loading, error } = useQuery(AdminActionsQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <div className="stack">
      <Card title={t('admin.tab.actions')}>
        {error ? <ApiError error={error} /> : null}
        {loading && !data ? <TableSkeleton label={t('app.loading')} /> : null}
        {data ? <ActionsTable actions={data.adminActions} /> : null}
      </Card>
    </div>
  );
}
