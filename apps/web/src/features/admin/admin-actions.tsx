import { useQuery } from '@apollo/client/react';
import { useI18n, type I18n, type MessageKey } from '../../app/i18n/i18n';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { Loading } from '../../ui/loading';
import { TableScroll } from '../../ui/table-scroll';

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
      <table className="data-table" data-testid="admin-actions">
        <thead>
          <tr>
            <th>{t('admin.actions.when')}</th>
            <th>{t('admin.actions.who')}</th>
            <th>{t('admin.actions.kind')}</th>
            <th>{t('admin.actions.target')}</th>
            <th>{t('admin.actions.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id} data-kind={a.kind}>
              <td>{formatDateTime(a.createdAt)}</td>
              <td>{a.supportUserName ?? a.supportUserEmail ?? '—'}</td>
              <td>{t(`admin.action.${a.kind}`)}</td>
              <td>{[a.dossierName, a.targetUserEmail].filter(Boolean).join(' · ') || '—'}</td>
              <td>
                <small>{describe(a.detail, t)}</small>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
        {loading && !data ? <Loading label={t('app.loading')} /> : null}
        {data ? <ActionsTable actions={data.adminActions} /> : null}
      </Card>
    </div>
  );
}
