import type { DocumentType } from '@comptoir/schema';
import { useLazyQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n/i18n';
import { allowed, PARTY_ACCESS } from '../documents/document-kinds';
import { errorText } from '../documents/document-errors';
import { HistoryTimeline, type HistoryEntryRef, type KnownDocuments } from './history-timeline';
import { VerifyHistoryQuery } from './history.operations';

interface Who {
  id: string;
  name: string;
}

/**
 * The ACTION tab of a document, customer, supplier or article: created by / on,
 * last modified by / on, then every action of its history.
 */
export function ActionTab({
  createdAt,
  createdBy,
  updatedAt,
  updatedBy,
  history,
  knownDocuments,
  hiddenFields,
  documentType,
  children,
}: {
  documentType?: DocumentType;
  createdAt: string;
  createdBy: Who | null;
  updatedAt: string;
  updatedBy: Who | null;
  history: readonly HistoryEntryRef[];
  knownDocuments?: KnownDocuments;
  hiddenFields?: ReadonlySet<string>;
  children?: ReactNode;
}) {
  const { t, formatDateTime } = useI18n();
  const { profile } = useSession();
  const unknown = t('history.unknownUser');
  return (
    <div className="action-tab" data-testid="action-tab">
      <dl className="action-summary">
        <div>
          <dd data-testid="created-by">{t('history.created', { name: createdBy?.name ?? unknown, date: formatDateTime(createdAt) })}</dd>
        </div>
        <div>
          <dd data-testid="updated-by">{t('history.updated', { name: updatedBy?.name ?? unknown, date: formatDateTime(updatedAt) })}</dd>
        </div>
      </dl>
      <h2 className="section-title">{t('history.timeline')}</h2>
      <HistoryTimeline entries={history} knownDocuments={knownDocuments} hiddenFields={hiddenFields} documentType={documentType} />
      {children}
      {allowed(PARTY_ACCESS.verifyHistory, profile) ? <VerifyHistory /> : null}
    </div>
  );
}

/** OWNER/ADV: recompute the dossier's hash chain and say whether it holds, or where it breaks. */
export function VerifyHistory() {
  const i18n = useI18n();
  const { t } = i18n;
  const [verify, { data, loading, error }] = useLazyQuery(VerifyHistoryQuery, { fetchPolicy: 'network-only' });
  const result = data?.verifyHistory;
  return (
    <section className="verify-history">
      <button type="button" className="button button-secondary" onClick={() => void verify()} disabled={loading}>
        {loading ? t('history.verifying') : t('history.verify')}
      </button>
      {error ? (
        <p role="alert" className="notice notice-warning">
          {errorText(i18n, error)}
        </p>
      ) : null}
      {result && !loading ? (
        <p role="status" data-testid="verify-result" data-ok={String(result.ok)} className={result.ok ? 'notice notice-success' : 'notice notice-warning'}>
          {result.ok
            ? t('history.verify.ok', { count: result.checkedEntries })
            : t('history.verify.broken', { sequence: result.brokenAtSequence ?? '?', count: result.checkedEntries, reason: result.reason ?? '' })}
        </p>
      ) : null}
    </section>
  );
}
