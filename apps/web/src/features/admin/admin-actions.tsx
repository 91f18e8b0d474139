import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../app/i18n/i18n';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { ApiError } from '../../ui/api-error';
import { Card } from '../../ui/card';
import { Loading } from '../../ui/loading';

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

/** `{"before":{"plan":"TPE"},"after":{"plan":"SOLO"}}` → `plan : TPE → SOLO`. */
function describe(detail: string): string {
  try {
    const parsed = JSON.parse(detail) as { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null; [k: string]: unknown };
    const before = parsed.before ?? {};
    const after = parsed.after ?? {};
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const changes = keys.map((k) => `${k} : ${before[k] === undefined ? '—' : String(before[k])} → ${after[k] === undefined ? '—' : String(after[k])}`);
    const extra = Object.entries(parsed)
      .filter(([k, v]) => k !== 'before' && k !== 'after' && v !== null && v !== undefined)
      .map(([k, v]) => `${k} : ${String(v)}`);
    return [...changes, ...extra].join(' · ');
  } catch {
    return detail;
  }
}

export function ActionsTable({ actions }: { actions: readonly FragmentType<typeof AdminActionRowFragment>[] }) {
  const { t, formatDateTime } = useI18n();
  const rows = getFragmentData(AdminActionRowFragment, actions);
  if (rows.length === 0) return <p className="muted">{t('admin.actions.empty')}</p>;
  return (
    <div className="table-wrap">
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
                <small>{describe(a.detail)}</small>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
